package dev.crosswalk.app.partner;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.population.Population;
import dev.crosswalk.app.population.PopulationService;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing rules of an organization's populations: a default level per population and per-partner
 * overrides. Populations without a rule are HIDDEN: nothing is shared until an Admin says so.
 */
@Service
public class SharingService {
    private final SharingRepository repository;
    private final PopulationService populations;
    private final PartnershipService partnerships;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    SharingService(SharingRepository repository, PopulationService populations, PartnershipService partnerships, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.populations = populations;
        this.partnerships = partnerships;
        this.clock = clock;
    }

    /** The sharing of every population of an organization (rules as the owner set them). */
    public List<PopulationSharing> sharingOf(UUID organizationId) {
        List<Population> pops = populations.populations(organizationId);
        Map<UUID, Map<UUID, SharingRule>> rules = repository.rules(organizationId, pops.stream().map(Population::id).toList());
        List<PopulationSharing> out = new ArrayList<>();
        for (Population p : pops) {
            Map<UUID, SharingRule> r = new HashMap<>(rules.getOrDefault(p.id(), Map.of()));
            SharingRule def = r.remove(null);
            out.add(new PopulationSharing(p.id(), p.baseObject(), def, r));
        }
        return out;
    }

    public PopulationSharing sharing(MemberPrincipal me, UUID populationId) {
        populations.find(me.organizationId(), populationId);
        return sharingOf(me.organizationId()).stream().filter(s -> s.populationId().equals(populationId)).findFirst().orElseThrow();
    }

    @Transactional
    public PopulationSharing setDefault(MemberPrincipal me, UUID populationId, SharingRule rule) {
        OrganizationService.requireAdmin(me);
        Population p = populations.find(me.organizationId(), populationId);
        validate(me, p, rule);
        repository.upsert(me.organizationId(), populationId, null, rule, clock.instant());
        events.publishEvent(new SharingChanged(me.organizationId(), populationId));
        return sharing(me, populationId);
    }

    @Transactional
    public PopulationSharing setOverride(MemberPrincipal me, UUID populationId, UUID partnerOrgId, SharingRule rule) {
        OrganizationService.requireAdmin(me);
        Population p = populations.find(me.organizationId(), populationId);
        boolean partner = partnerships.allFor(me.organizationId()).stream()
                .anyMatch(x -> x.partnerOf(me.organizationId()).equals(partnerOrgId));
        if (!partner) {
            throw CrosswalkException.notFound("A partnership with this organization");
        }
        validate(me, p, rule);
        repository.upsert(me.organizationId(), populationId, partnerOrgId, rule, clock.instant());
        events.publishEvent(new SharingChanged(me.organizationId(), populationId));
        return sharing(me, populationId);
    }

    @Transactional
    public PopulationSharing removeOverride(MemberPrincipal me, UUID populationId, UUID partnerOrgId) {
        OrganizationService.requireAdmin(me);
        populations.find(me.organizationId(), populationId);
        repository.deleteOverride(me.organizationId(), populationId, partnerOrgId);
        events.publishEvent(new SharingChanged(me.organizationId(), populationId));
        return sharing(me, populationId);
    }

    private void validate(MemberPrincipal me, Population p, SharingRule rule) {
        if (rule == null || rule.level() == null) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "level: required");
        }
        for (Map.Entry<String, Set<String>> e : rule.fields().entrySet()) {
            if (!PopulationService.BASE_OBJECTS.contains(e.getKey())) {
                throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "fields: unknown object " + e.getKey());
            }
            Set<String> known = populations.fields(me, e.getKey());
            List<String> unknown = e.getValue().stream().filter(f -> !known.contains(f)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "fields: not synced on " + e.getKey() + ": " + unknown);
            }
        }
    }
}
