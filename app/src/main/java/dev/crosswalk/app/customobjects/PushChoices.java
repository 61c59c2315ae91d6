package dev.crosswalk.app.customobjects;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.partner.PartnershipService;
import dev.crosswalk.app.partner.PartnershipStatus;
import dev.crosswalk.app.partner.PopulationSharing;
import dev.crosswalk.app.partner.SharingLevel;
import dev.crosswalk.app.partner.SharingRule;
import dev.crosswalk.app.partner.SharingService;
import dev.crosswalk.app.population.Population;
import dev.crosswalk.app.population.PopulationService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What General Settings offers to choose from: my active partners, my populations, the partner
 * populations each partner shares with me, and the fields they share.
 */
@Component
class PushChoices {
    record Choice(UUID id, String label) {
    }

    record Options(List<Choice> partners, List<Choice> myPopulations, List<Choice> partnerPopulations, List<String> partnerFields) {
    }

    private final PartnershipService partnerships;
    private final PopulationService populations;
    private final SharingService sharing;

    PushChoices(PartnershipService partnerships, PopulationService populations, SharingService sharing) {
        this.partnerships = partnerships;
        this.populations = populations;
        this.sharing = sharing;
    }

    Options options(MemberPrincipal me) {
        List<Choice> partners = new ArrayList<>();
        List<Choice> theirs = new ArrayList<>();
        TreeSet<String> fields = new TreeSet<>();
        for (PartnershipService.View p : partnerships.list(me)) {
            if (p.status() != PartnershipStatus.ACCEPTED) {
                continue;
            }
            partners.add(new Choice(p.partnerOrganizationId(), p.partnerName()));
            Map<UUID, Population> byId = populations.populations(p.partnerOrganizationId()).stream()
                    .collect(Collectors.toMap(Population::id, x -> x));
            for (PopulationSharing s : sharing.sharingOf(p.partnerOrganizationId())) {
                SharingRule rule = s.ruleFor(me.organizationId());
                Population pop = byId.get(s.populationId());
                if (pop == null || rule.level() == SharingLevel.HIDDEN) {
                    continue;
                }
                theirs.add(new Choice(pop.id(), p.partnerName() + " — " + pop.name()));
                rule.fields().values().forEach(fields::addAll);
            }
        }
        List<Choice> mine = populations.populations(me.organizationId()).stream().map(x -> new Choice(x.id(), x.name())).toList();
        return new Options(partners, mine, theirs, List.copyOf(fields));
    }
}
