package dev.crosswalk.app.push;

import dev.crosswalk.app.org.Organization;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.overlap.SharedOverlaps;
import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.partner.PartnershipService;
import dev.crosswalk.app.population.Population;
import dev.crosswalk.app.population.PopulationService;
import dev.crosswalk.app.record.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What Salesforce should hold for a Custom Objects integration: one {@code Ecosystem_Overlap__c} per
 * (my Account or Lead × active partner × partner population the partner lets me read rows of),
 * within the push settings, holding only what the partner shares; and per Account with overlaps,
 * its partner count and names. Sharing is decided by {@link SharedOverlaps} (the reports' rules).
 */
@Component
class DesiredState {
    private final PartnershipService partnerships;
    private final SharedOverlaps shared;
    private final OrganizationService organizations;
    private final PopulationService populations;
    private final PartnerAccounts partnerAccounts;

    DesiredState(PartnershipService partnerships, SharedOverlaps shared, OrganizationService organizations,
            PopulationService populations, PartnerAccounts partnerAccounts) {
        this.partnerships = partnerships;
        this.shared = shared;
        this.organizations = organizations;
        this.populations = populations;
        this.partnerAccounts = partnerAccounts;
    }

    record Rows(List<DesiredRow> overlaps, List<DesiredRow> accounts) {
    }

    /** The stable external id: my record, the partner and the partner population (Salesforce ids are case-sensitive). */
    static String key(String mySfId, UUID partnerOrgId, UUID partnerPopulationId) {
        return mySfId + ":" + partnerOrgId + ":" + partnerPopulationId;
    }

    Rows compute(PushTargets.Target t, PushSettings settings) {
        UUID me = t.organizationId();
        Map<UUID, String> myPopulationNames = populations.populations(me).stream()
                .collect(Collectors.toMap(Population::id, Population::name));
        List<DesiredRow> overlaps = new ArrayList<>();
        Map<String, TreeSet<String>> partnersOfAccount = new TreeMap<>();
        for (Partnership p : partnerships.activeFor(me)) {
            UUID partner = p.partnerOf(me);
            if (!settings.includesPartner(partner)) {
                continue;
            }
            String partnerName = organizations.organization(partner).map(Organization::name).orElse("Partner");
            String partnerAccount = partnerAccounts.resolve(t, partner).accountId();
            SharedOverlaps.ReadablePopulation[] current = new SharedOverlaps.ReadablePopulation[1];
            shared.forEach(me, p.id(), t.sourceIntegrationId(), settings::includesPartnerPopulation, settings::includesField,
                    pop -> current[0] = pop, o -> {
                        List<String> mine = o.myPopulationIds().stream().filter(settings::includesMyPopulation)
                                .map(myPopulationNames::get).filter(java.util.Objects::nonNull).sorted().toList();
                        if (settings.myPopulations() != null && mine.isEmpty()) {
                            return;
                        }
                        overlaps.add(row(o, current[0], partner, partnerName, partnerAccount, mine));
                        if (o.myObject().equals("Account")) {
                            partnersOfAccount.computeIfAbsent(o.mySfId(), k -> new TreeSet<>()).add(partnerName);
                        }
                    });
        }
        List<DesiredRow> accounts = new ArrayList<>();
        partnersOfAccount.forEach((accountId, names) -> accounts.add(DesiredRow.of(DesiredRow.Kind.ACCOUNT, accountId,
                accountValues(accountId, names.size(), EcosystemOverlap.text255(String.join(", ", names))), null)));
        return new Rows(overlaps, accounts);
    }

    static Map<String, Object> accountValues(String accountId, int count, String names) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("Id", accountId);
        v.put(EcosystemOverlap.PARTNER_COUNT, count);
        v.put(EcosystemOverlap.PARTNERS, names);
        return v;
    }

    private static DesiredRow row(SharedOverlaps.SharedOverlap o, SharedOverlaps.ReadablePopulation pop, UUID partner,
            String partnerName, String partnerAccount, List<String> myPopulations) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(EcosystemOverlap.KEY, key(o.mySfId(), partner, pop.id()));
        v.put(EcosystemOverlap.ACCOUNT, o.myObject().equals("Account") ? o.mySfId() : null);
        v.put(EcosystemOverlap.LEAD, o.myObject().equals("Lead") ? o.mySfId() : null);
        v.put(EcosystemOverlap.PARTNER_NAME, EcosystemOverlap.text255(partnerName));
        v.put(EcosystemOverlap.PARTNER_ORGANIZATION_ID, partner.toString());
        v.put(EcosystemOverlap.PARTNER_ACCOUNT, partnerAccount);
        v.put(EcosystemOverlap.POPULATION, EcosystemOverlap.text255(myPopulations.isEmpty() ? null : String.join("; ", myPopulations)));
        v.put(EcosystemOverlap.PARTNER_POPULATION, EcosystemOverlap.text255(pop.name()));
        v.put(EcosystemOverlap.MATCH_EVIDENCE, o.evidence() == Evidence.DOMAIN ? "Domain" : "Name");
        v.put(EcosystemOverlap.PARTNER_OWNER_NAME, o.partnerOwnerName());
        v.put(EcosystemOverlap.PARTNER_OWNER_EMAIL, o.partnerOwnerEmail());
        v.put(EcosystemOverlap.PARTNER_FIELDS, partnerFields(o.partnerFields()));
        return DesiredRow.of(DesiredRow.Kind.OVERLAP, (String) v.get(EcosystemOverlap.KEY), v, partner);
    }

    /** "Field: value" lines in field order, so a sales rep reads them as they are; null when nothing is shared. */
    static String partnerFields(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        return new TreeMap<>(fields).entrySet().stream().map(e -> e.getKey() + ": " + (e.getValue() == null ? "" : e.getValue()))
                .collect(Collectors.joining("\n"));
    }
}
