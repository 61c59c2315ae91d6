package dev.crosswalk.salesforce;

import dev.crosswalk.emulator.admin.EmulatorAdmin;
import dev.crosswalk.salesforce.PreflightReport.Status;
import dev.crosswalk.salesforce.Requirement.Access;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static dev.crosswalk.salesforce.EmulatorFixture.ORG;
import static dev.crosswalk.salesforce.EmulatorFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against an org with the client's test package installed (custom object with an external id,
 * Visualforce page, permission set): the full Crosswalk preflight, and upserts by external id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageIT {

    private static final String OBJECT = "Ecosystem_Overlap__c";
    private static final String EXTERNAL_ID = "Crosswalk_Id__c";
    private static final AtomicInteger USERS = new AtomicInteger();

    private EmulatorFixture emulator;
    private SalesforceClient client;

    @BeforeAll
    void start() {
        emulator = EmulatorFixture.startWithTestPackage();
        emulator.admin().createPermissionSet(ORG, "Setup_Reader", "Setup Reader", Map.of("PermissionsViewSetup", true));
        client = emulator.client(new FakeTime());
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    /** The integration user as the package sets it up: minimum profile + Crosswalk permission sets. */
    private String integrationUser() {
        String username = "pkg" + USERS.incrementAndGet() + "@acme.example";
        emulator.admin().createUser(EmulatorAdmin.NewUser.of(ORG, username, PASSWORD, "Minimum Access - Salesforce",
                "Crosswalk_Setup_User", "Crosswalk_Integration", "Setup_Reader"));
        return username;
    }

    private static final Requirement.PermissionSetAssigned SETUP_USER = Requirement.permissionSet("Crosswalk_Setup_User");
    private static final Requirement.VisualforcePageAccess SETUP_PAGE = Requirement.visualforcePage("CrosswalkSetup");
    private static final Requirement.ObjectAccess WRITE_OVERLAPS = Requirement.object(OBJECT, Access.READ,
            Access.CREATE, Access.EDIT);
    private static final Requirement.FieldAccess PARTNER_NAME = Requirement.field(OBJECT, "Partner_Name__c",
            Access.READ, Access.EDIT);
    private static final Requirement.FieldAccess SCORE_EDIT = Requirement.field(OBJECT, "Overlap_Score__c",
            Access.EDIT);
    private static final List<Requirement> CROSSWALK = List.of(Requirement.apiEnabled(), Requirement.userActive(),
            SETUP_USER, SETUP_PAGE, Requirement.customObject(OBJECT), WRITE_OVERLAPS, PARTNER_NAME,
            Requirement.object("Account", Access.READ), Requirement.object("Lead", Access.READ));

    @Nested
    class Preflight {

        @Test
        void a_correctly_set_up_integration_user_passes_every_requirement_with_evidence() {
            SalesforceConnection sf = emulator.connect(client, integrationUser());
            PreflightReport report = sf.preflight().run(CROSSWALK);
            assertThat(report.lines()).as(report.render()).allSatisfy(l -> {
                assertThat(l.status()).isEqualTo(Status.PASS);
                assertThat(l.evidence()).isNotBlank();
                assertThat(l.fix()).isEmpty();
            });
            assertThat(report.allPassed()).isTrue();
            assertThat(report.lineFor(SETUP_PAGE).evidence()).contains("Crosswalk Setup User");
        }

        @Test
        void a_read_only_field_fails_edit_with_a_field_level_security_fix() {
            String user = integrationUser();
            PreflightReport.Line line = emulator.connect(client, user).preflight().run(List.of(SCORE_EDIT))
                    .lineFor(SCORE_EDIT);
            assertThat(line.status()).isEqualTo(Status.FAIL);
            assertThat(line.fix()).isEqualTo("Give " + user + " Edit access on field " + OBJECT
                    + ".Overlap_Score__c (Field-Level Security in their permission set or profile)");
        }

        @Test
        void removing_the_permission_set_fails_each_thing_it_granted_with_its_own_fix() {
            String user = integrationUser();
            SalesforceConnection sf = emulator.connect(client, user);
            emulator.admin().unassignPermissionSet(user, "Crosswalk_Setup_User");
            PreflightReport report = sf.preflight().run(CROSSWALK);

            assertThat(report.lineFor(Requirement.apiEnabled()).status()).isEqualTo(Status.PASS);
            assertThat(report.lineFor(SETUP_USER).fix()).isEqualTo("Assign permission set Crosswalk Setup User to " + user);
            assertThat(report.lineFor(SETUP_PAGE).status()).isEqualTo(Status.FAIL);
            assertThat(report.lineFor(SETUP_PAGE).fix()).isEqualTo("Give " + user
                    + " access to Visualforce page CrosswalkSetup (Visualforce Page Access in a permission set"
                    + " assigned to them, or their profile)");
            assertThat(report.lineFor(WRITE_OVERLAPS).status()).isEqualTo(Status.FAIL);
            assertThat(report.lineFor(PARTNER_NAME).status()).isEqualTo(Status.FAIL);
            assertThat(report.lineFor(Requirement.object("Account", Access.READ)).status()).isEqualTo(Status.PASS);
            assertThat(report.failures()).hasSize(5);
        }
    }

    @Nested
    class Upserts_by_external_id {

        @Test
        void a_single_upsert_creates_then_updates() {
            SalesforceConnection sf = emulator.connect(client, integrationUser());
            String key = "single-" + System.nanoTime();
            SaveResult first = sf.rest().upsert(OBJECT, EXTERNAL_ID, key, Map.of("Partner_Name__c", "Globex"));
            assertThat(first.created()).contains(true);
            assertThat(first.id()).hasSize(18);
            SaveResult second = sf.rest().upsert(OBJECT, EXTERNAL_ID, key, Map.of("Partner_Name__c", "Globex Inc"));
            assertThat(second.created()).contains(false);
            JsonNode row = sf.rest().query("SELECT Id, Partner_Name__c FROM " + OBJECT + " WHERE " + EXTERNAL_ID
                    + " = '" + key + "'").findFirst().orElseThrow();
            assertThat(row.get("Partner_Name__c").asString()).isEqualTo("Globex Inc");
            assertThat(row.get("Id").asString()).isEqualTo(first.id());
        }

        @Test
        void collection_upserts_go_in_chunks_of_200_and_say_which_rows_were_created() {
            SalesforceConnection sf = emulator.connect(client, integrationUser());
            String prefix = "bulk-" + System.nanoTime() + "-";
            sf.rest().upsert(OBJECT, EXTERNAL_ID, prefix + 0, Map.of("Partner_Name__c", "existing"));
            List<Map<String, Object>> rows = IntStream.range(0, 250).mapToObj(i -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(EXTERNAL_ID, prefix + i);
                m.put("Partner_Name__c", "P" + i);
                return m;
            }).toList();
            long before = sf.calls().count(CallKind.REST);
            List<SaveResult> results = sf.rest().upsert(OBJECT, EXTERNAL_ID, rows, false);
            assertThat(sf.calls().count(CallKind.REST) - before).isEqualTo(2);
            assertThat(results).hasSize(250).allSatisfy(r -> assertThat(r.success()).isTrue());
            assertThat(results.get(0).created()).contains(false);
            assertThat(results.subList(1, 250)).allSatisfy(r -> assertThat(r.created()).contains(true));
        }

        @Test
        void a_bulk_upsert_uses_the_external_id_column() {
            SalesforceConnection sf = emulator.connect(client, integrationUser());
            String prefix = "ingest-" + System.nanoTime() + "-";
            sf.rest().upsert(OBJECT, EXTERNAL_ID, prefix + 0, Map.of("Partner_Name__c", "before"));
            BulkJob job = sf.bulkIngest().create(OBJECT, IngestOperation.UPSERT, EXTERNAL_ID);
            sf.bulkIngest().upload(job.id(), List.of(EXTERNAL_ID, "Partner_Name__c"),
                    IntStream.range(0, 3).mapToObj(i -> List.of(prefix + i, "after " + i)).iterator());
            sf.bulkIngest().close(job.id());
            assertThat(sf.bulkIngest().awaitCompletion(job.id(), Duration.ofMinutes(5)).state())
                    .isEqualTo(JobState.JOB_COMPLETE);
            try (CloseableIterator<IngestResults.Successful> ok = sf.bulkIngest().successfulResults(job.id())) {
                Map<String, Boolean> created = new LinkedHashMap<>();
                ok.forEachRemaining(s -> created.put(s.row().get(EXTERNAL_ID), s.created()));
                assertThat(created).containsEntry(prefix + 0, false).containsEntry(prefix + 1, true)
                        .containsEntry(prefix + 2, true);
            }
        }
    }
}
