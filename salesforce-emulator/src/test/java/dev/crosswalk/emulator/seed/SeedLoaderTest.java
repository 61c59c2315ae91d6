package dev.crosswalk.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardSchema;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedLoaderTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final List<String> OWNERS = List.of("005Rx0000000001AAA", "005Rx0000000002AAA", "005Rx0000000003AAA");

    private static Org newOrg(String name) {
        Org org = new Org(Ids.to18(Ids.id15("00D", 7)), name, Clock.fixed(NOW, ZoneOffset.UTC), 100_000);
        StandardSchema.install(org);
        return org;
    }

    private static Object value(Org org, String type, Record r, String field) {
        SObjectType t = org.type(type).orElseThrow();
        return r.get(t.require(field));
    }

    @Test
    void accounts_and_leads_are_stored_with_their_fields_and_audit_fields() {
        OverlapPlan plan = OverlapPlan.builder(5).org("Acme Corp", 300, 200).build();
        Org org = newOrg("Acme Corp");
        Instant before = org.nextModstamp();

        SeedLoader.Result result = new SeedLoader().load(org, plan.org("Acme Corp"), OWNERS, OWNERS.get(0), null);

        assertThat(result).isEqualTo(new SeedLoader.Result(300, 200));
        assertThat(org.store("Account").size()).isEqualTo(300);
        assertThat(org.store("Lead").size()).isEqualTo(200);
        Record first = org.store("Account").all().iterator().next();
        SeedAccount expected = plan.org("Acme Corp").account(0);
        assertThat(first.id()).startsWith("001").hasSize(18);
        assertThat(value(org, "Account", first, "Id")).isEqualTo(first.id());
        assertThat(value(org, "Account", first, "Name")).isEqualTo(expected.name());
        assertThat(value(org, "Account", first, "Website")).isEqualTo(expected.website());
        assertThat(value(org, "Account", first, "Industry")).isEqualTo(expected.company().industry());
        assertThat(value(org, "Account", first, "IsDeleted")).isEqualTo(false);
        assertThat(value(org, "Account", first, "OwnerId")).isIn(OWNERS);
        assertThat(value(org, "Account", first, "CreatedById")).isEqualTo(OWNERS.get(0));
        Instant created = (Instant) value(org, "Account", first, "CreatedDate");
        Instant modstamp = (Instant) value(org, "Account", first, "SystemModstamp");
        assertThat(created).isBefore(before);
        assertThat(modstamp).isAfter(before).isSameAs(value(org, "Account", first, "LastModifiedDate"));

        Record lead = org.store("Lead").all().iterator().next();
        SeedLead expectedLead = plan.org("Acme Corp").lead(0);
        assertThat(lead.id()).startsWith("00Q");
        assertThat(value(org, "Lead", lead, "Name")).isEqualTo(expectedLead.firstName() + " " + expectedLead.lastName());
        assertThat(value(org, "Lead", lead, "Email")).isEqualTo(expectedLead.email());
        assertThat(value(org, "Lead", lead, "Company")).isEqualTo(expectedLead.companyName());
        assertThat(value(org, "Lead", lead, "Status")).isIn(StandardSchema.LEAD_STATUSES);
        assertThat(value(org, "Lead", lead, "IsConverted")).isEqualTo(false);
    }

    @Test
    void later_changes_get_modstamps_after_the_seeded_records() {
        Org org = newOrg("A");
        new SeedLoader().load(org, OverlapPlan.builder(1).org("A", 50, 50).build().org("A"), OWNERS, OWNERS.get(0), null);
        Instant maxSeeded = org.store("Lead").all().stream()
                .map(r -> (Instant) value(org, "Lead", r, "SystemModstamp")).max(Instant::compareTo).orElseThrow();
        assertThat(org.nextModstamp()).isAfter(maxSeeded);
    }

    @Test
    void the_report_collected_while_loading_equals_the_plan_report() {
        OverlapPlan plan = OverlapPlan.builder(77).org("A", 1_000, 800).org("B", 600, 900).overlap(0.25).build();
        SeedReport.Collector collector = new SeedReport.Collector(plan);
        SeedLoader loader = new SeedLoader();
        for (OrgDataPlan data : plan.orgs()) {
            loader.load(newOrg(data.name()), data, OWNERS, OWNERS.get(0), collector.org(data));
        }
        SeedReport loaded = collector.build();
        SeedReport expected = plan.report();
        assertThat(loaded.orgs()).isEqualTo(expected.orgs());
        assertThat(loaded.overlap("A", "B")).isEqualTo(expected.overlap("A", "B"));
    }

    @Test
    void a_hundred_thousand_records_load_and_share_repeated_values() {
        OverlapPlan plan = OverlapPlan.builder(3).org("Big", 60_000, 40_000).build();
        Org org = newOrg("Big");

        new SeedLoader().load(org, plan.org("Big"), OWNERS, OWNERS.get(0), null);

        assertThat(org.store("Account").size()).isEqualTo(60_000);
        assertThat(org.store("Lead").size()).isEqualTo(40_000);
        List<Record> accounts = List.copyOf(org.store("Account").all());
        Record a = accounts.get(10);
        Record b = accounts.get(20);
        // Same batch → the very same Instant and owner string instances, not equal copies.
        assertThat(value(org, "Account", a, "SystemModstamp")).isSameAs(value(org, "Account", b, "SystemModstamp"));
        assertThat(OWNERS).anySatisfy(o -> assertThat(value(org, "Account", a, "OwnerId")).isSameAs(o));
        assertThat(accounts.stream().map(Record::id).distinct().count()).isEqualTo(60_000);
    }
}
