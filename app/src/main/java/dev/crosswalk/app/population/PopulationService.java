package dev.crosswalk.app.population;

import dev.crosswalk.app.system.InputText;
import jakarta.validation.constraints.Size;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.record.MatchableObjects;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Populations and their materialized membership: the population feature's public service.
 * Membership is recomputed in full when a filter changes and incrementally (only records synced
 * since the last pass) after each sync.
 */
@Service
public class PopulationService {
    /** What a population can be made of: the objects that take part in overlaps. */
    public static final List<String> BASE_OBJECTS = MatchableObjects.MATCHED;
    static final int SAMPLE_SIZE = 10;

    private final PopulationRepository repository;
    private final Clock clock;

    PopulationService(PopulationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public record Draft(@Size(max = InputText.NAME_MAX) String name, String baseObject, Filter filter) {
    }

    public record Preview(long count, List<Sample> sample) {
    }

    public record View(Population population, long memberCount) {
    }

    /** The populations of an organization (standard ones created on first use). */
    @Transactional
    public List<Population> populations(UUID organizationId) {
        ensureStandard(organizationId);
        return repository.list(organizationId);
    }

    public List<View> views(MemberPrincipal me) {
        return populations(me.organizationId()).stream().map(p -> new View(p, repository.memberCount(p.id()))).toList();
    }

    public View view(MemberPrincipal me, UUID id) {
        Population p = find(me.organizationId(), id);
        return new View(p, repository.memberCount(p.id()));
    }

    public Population find(UUID organizationId, UUID id) {
        return repository.find(organizationId, id).orElseThrow(() -> CrosswalkException.notFound("Population"));
    }

    public Optional<Population> findOptional(UUID organizationId, UUID id) {
        return repository.find(organizationId, id);
    }

    /**
     * Creates the standard populations an organization does not have yet. Idempotent (a unique
     * index per kind), so it runs lazily wherever populations are needed instead of hooking into
     * organization creation.
     */
    @Transactional
    public void ensureStandard(UUID organizationId) {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // A read (a report, the package API's record page) of an organization whose standard populations were never
            // created: PostgreSQL refuses the insert there, and a population not created yet has no members, so the read
            // sees the same without it. The next read-write use creates them.
            return;
        }
        Set<StandardPopulation> have = repository.standardKinds(organizationId);
        for (StandardPopulation kind : StandardPopulation.values()) {
            if (!have.contains(kind)) {
                Instant now = clock.instant();
                String name = repository.nameTaken(organizationId, kind.displayName(), null)
                        ? kind.displayName() + " (standard)" : kind.displayName();
                Population p = new Population(UUID.randomUUID(), organizationId, name, "Account", kind.defaultFilter(), kind, now,
                        now, 0);
                repository.insert(p);
                repository.find(organizationId, p.id()).ifPresent(repository::recompute);
            }
        }
    }

    @Transactional
    public View create(MemberPrincipal me, Draft draft) {
        OrganizationService.requireAdmin(me);
        validate(me.organizationId(), draft, null);
        Instant now = clock.instant();
        Population p = new Population(UUID.randomUUID(), me.organizationId(), draft.name().trim(), draft.baseObject(),
                draft.filter(), null, now, now, 0);
        repository.lockOrganization(me.organizationId());
        repository.insert(p);
        repository.recompute(p);
        return new View(p, repository.memberCount(p.id()));
    }

    @Transactional
    public View update(MemberPrincipal me, UUID id, Draft draft) {
        OrganizationService.requireAdmin(me);
        Population current = find(me.organizationId(), id);
        Draft merged = new Draft(draft.name() == null ? current.name() : draft.name(), current.baseObject(),
                draft.filter() == null ? current.filter() : draft.filter());
        if (draft.baseObject() != null && !draft.baseObject().equals(current.baseObject())) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "baseObject: cannot change; create a new population");
        }
        validate(me.organizationId(), merged, id);
        repository.lockOrganization(me.organizationId());
        if (repository.update(me.organizationId(), id, current.version(), merged.name().trim(), merged.filter(), clock.instant()) != 1) {
            throw CrosswalkException.of(ErrorCode.CONFLICT, "The population changed meanwhile; reload and try again");
        }
        Population updated = find(me.organizationId(), id);
        repository.recompute(updated);
        return new View(updated, repository.memberCount(updated.id()));
    }

    @Transactional
    public void delete(MemberPrincipal me, UUID id) {
        OrganizationService.requireAdmin(me);
        Population p = find(me.organizationId(), id);
        if (p.standardKind() != null) {
            throw CrosswalkException.of(ErrorCode.CONFLICT, "Standard populations cannot be deleted; edit their filter instead");
        }
        // Membership has no foreign key to its population (V142): a refresh writing members for this
        // population must finish before its delete trigger runs, or start after and not see it.
        repository.lockOrganization(me.organizationId());
        repository.delete(me.organizationId(), id);
    }

    public Preview preview(MemberPrincipal me, Draft draft) {
        String object = draft.baseObject() == null ? "Account" : draft.baseObject();
        Draft d = new Draft(draft.name() == null ? "preview" : draft.name(), object, draft.filter());
        validateFilter(me.organizationId(), d);
        return new Preview(repository.previewCount(me.organizationId(), object, d.filter()),
                repository.previewSample(me.organizationId(), object, d.filter(), SAMPLE_SIZE));
    }

    public Set<String> fields(MemberPrincipal me, String object) {
        requireBaseObject(object);
        return repository.knownFields(me.organizationId(), object);
    }

    /** The synced fields of a base object with their kinds and picklist values, for the filter builder. */
    public List<FieldProfile> fieldProfiles(MemberPrincipal me, String object) {
        requireBaseObject(object);
        return repository.fieldProfiles(me.organizationId(), object, repository.knownFields(me.organizationId(), object));
    }

    /**
     * After a sync: re-evaluates, for every population of the organization, only the records of
     * this integration synced since the previous pass.
     */
    @Transactional
    public void refreshAfterSync(UUID organizationId, UUID integrationId) {
        ensureStandard(organizationId);
        repository.lockOrganization(organizationId);
        Optional<Instant> latest = repository.latestSync(integrationId);
        if (latest.isEmpty()) {
            return;
        }
        Instant from = repository.watermark(integrationId).orElse(Instant.EPOCH);
        Instant to = latest.get();
        if (!to.isAfter(from)) {
            return;
        }
        boolean opportunitiesTouched = repository.touched(integrationId, "Opportunity", from, to);
        for (Population p : repository.list(organizationId)) {
            if (opportunitiesTouched && mentionsOpportunities(p.filter())) {
                // An Opportunity can change (or move away from) an account that itself did not sync: redo it whole.
                repository.recompute(p);
            } else {
                repository.refreshTouched(p, integrationId, from, to);
            }
        }
        repository.saveWatermark(integrationId, to);
    }

    /** Recomputes every population of an organization in full (repair, tests). */
    @Transactional
    public void recomputeAll(UUID organizationId) {
        ensureStandard(organizationId);
        repository.lockOrganization(organizationId);
        repository.list(organizationId).forEach(repository::recompute);
    }

    private static boolean mentionsOpportunities(Filter f) {
        if (f instanceof Filter.HasOpenOpportunity) {
            return true;
        }
        return f instanceof Filter.Group g && g.children().stream().anyMatch(PopulationService::mentionsOpportunities);
    }

    private void validate(UUID organizationId, Draft draft, UUID except) {
        if (draft.name() == null || draft.name().isBlank()) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "name: must not be blank");
        }
        if (draft.name().trim().length() > 120) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "name: at most 120 characters");
        }
        if (repository.nameTaken(organizationId, draft.name().trim(), except)) {
            throw CrosswalkException.of(ErrorCode.CONFLICT, "A population named '" + draft.name().trim() + "' exists already");
        }
        validateFilter(organizationId, draft);
    }

    private void validateFilter(UUID organizationId, Draft draft) {
        requireBaseObject(draft.baseObject());
        if (draft.filter() == null) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "filter: required");
        }
        List<String> problems = FilterValidation.problems(draft.filter(), draft.baseObject(),
                repository.knownFields(organizationId, draft.baseObject()));
        if (!problems.isEmpty()) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "filter: " + String.join("; ", problems));
        }
    }

    private static void requireBaseObject(String object) {
        if (object == null || !BASE_OBJECTS.contains(object)) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "baseObject: one of " + BASE_OBJECTS);
        }
    }

    /** For reports: the population ids of an organization by name (tests, demo). */
    public Map<String, UUID> idsByName(UUID organizationId) {
        return populations(organizationId).stream().collect(Collectors.toMap(Population::name, Population::id));
    }
}
