package dev.crosswalk.salesforce.contract;

import dev.crosswalk.salesforce.ApiVersion;
import dev.crosswalk.salesforce.BulkJob;
import dev.crosswalk.salesforce.CallKind;
import dev.crosswalk.salesforce.CloseableIterator;
import dev.crosswalk.salesforce.IngestOperation;
import dev.crosswalk.salesforce.IngestResults;
import dev.crosswalk.salesforce.JobState;
import dev.crosswalk.salesforce.PreflightReport;
import dev.crosswalk.salesforce.Requirement;
import dev.crosswalk.salesforce.Requirement.Access;
import dev.crosswalk.salesforce.Row;
import dev.crosswalk.salesforce.SObjectDescribe;
import dev.crosswalk.salesforce.SObjectRecord;
import dev.crosswalk.salesforce.SalesforceConnection;
import dev.crosswalk.salesforce.SalesforceError;
import dev.crosswalk.salesforce.SalesforceException;
import dev.crosswalk.salesforce.SaveResult;
import dev.crosswalk.salesforce.UserIdentity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.crosswalk.salesforce.Errors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the client promises against ANY Salesforce org: the emulator in CI
 * ({@code EmulatorContractIT}) and a real sandbox by hand ({@code SandboxContractIT}). Tests here
 * must be safe on a real org: writes create Contacts with a unique marker and delete them again.
 * Fault injection lives in emulator-only ITs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SalesforceClientContract {

    /** A connection of a user with API access and read on Account (the integration user). */
    protected abstract SalesforceConnection reader();

    /** Its username, as the preflight names it. */
    protected abstract String readerUsername();

    /** A connection of a user that may create, edit and delete Contacts. */
    protected abstract SalesforceConnection writer();

    /** The version the client was configured with. */
    protected abstract String configuredApiVersion();


    private static String marker() {
        return "CrosswalkContract-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Nested
    class Rest {
        @Test
        void versions_are_listed_and_negotiation_picks_the_highest_not_above_the_configured_one() {
            List<ApiVersion> versions = reader().rest().versions();
            assertThat(versions).isNotEmpty().isSorted();
            String chosen = reader().rest().negotiateVersion();
            assertThat(Double.parseDouble(chosen)).isLessThanOrEqualTo(Double.parseDouble(configuredApiVersion()));
            assertThat(versions).extracting(ApiVersion::version).contains(chosen);
            assertThat(versions.stream().map(ApiVersion::number)
                    .filter(v -> v <= Double.parseDouble(configuredApiVersion())).max(Double::compare))
                    .contains(Double.parseDouble(chosen));
        }

        @Test
        void describe_global_lists_what_the_user_can_see() {
            assertThat(reader().rest().describeGlobal()).anySatisfy(s -> {
                assertThat(s.name()).isEqualTo("Account");
                assertThat(s.queryable()).isTrue();
                assertThat(s.keyPrefix()).isEqualTo("001");
            });
        }

        @Test
        void describe_gives_fields_with_types() {
            SObjectDescribe account = reader().rest().describe("Account");
            assertThat(account.name()).isEqualTo("Account");
            assertThat(account.field("Id")).get().satisfies(f -> assertThat(f.type()).isEqualTo("id"));
            assertThat(account.field("name")).get().satisfies(f -> assertThat(f.type()).isEqualTo("string"));
        }

        @Test
        void query_is_lazy_and_walks_every_page_once() {
            long before = reader().calls().count(CallKind.REST);
            try (Stream<JsonNode> stream = reader().rest().query("SELECT Id FROM Account")) {
                assertThat(reader().calls().count(CallKind.REST)).as("no call before consumption").isEqualTo(before);
                List<String> ids = stream.map(n -> n.get("Id").asString()).toList();
                assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
                long expected = countAccounts();
                assertThat(ids).hasSize((int) expected);
                if (expected > 2000) {
                    assertThat(reader().calls().count(CallKind.REST) - before).isGreaterThanOrEqualTo(2);
                }
            }
        }

        private long countAccounts() {
            // Bulk cannot COUNT(); /query with COUNT() returns totalSize and no records.
            try (CloseableIterator<Row> rows = reader().bulkQuery().query("SELECT Id FROM Account", false,
                    Duration.ofMinutes(10))) {
                long n = 0;
                while (rows.hasNext()) {
                    rows.next();
                    n++;
                }
                return n;
            }
        }

        @Test
        void a_stopped_stream_fetches_no_more_pages() {
            long before = reader().calls().count(CallKind.REST);
            try (Stream<JsonNode> stream = reader().rest().query("SELECT Id FROM Account")) {
                assertThat(stream.limit(3).count()).isEqualTo(3);
            }
            assertThat(reader().calls().count(CallKind.REST) - before).isEqualTo(1);
        }

        @Test
        void query_errors_are_invalid_requests_with_salesforce_codes() {
            SalesforceError malformed = errorOf(() -> reader().rest().query("SELECT Id FORM Account").toList());
            assertThat(malformed).isInstanceOf(SalesforceError.InvalidRequest.class);
            assertThat(malformed.first().orElseThrow().errorCode()).isEqualTo("MALFORMED_QUERY");

            SalesforceError type = errorOf(() -> reader().rest().query("SELECT Id FROM NoSuchThing__c").toList());
            assertThat(type.first().orElseThrow().errorCode()).isEqualTo("INVALID_TYPE");

            SalesforceError field = errorOf(() -> reader().rest().query("SELECT NoSuchField__c FROM Account").toList());
            assertThat(field.first().orElseThrow().errorCode()).isEqualTo("INVALID_FIELD");
        }

        @Test
        void an_unknown_object_describe_is_not_found() {
            assertThat(errorOf(() -> reader().rest().describe("NoSuchThing__c")))
                    .isInstanceOf(SalesforceError.NotFound.class);
        }

        @Test
        void limit_info_is_known_after_every_call_and_limits_are_readable() {
            reader().rest().describeGlobal();
            assertThat(reader().lastLimitInfo()).get().satisfies(l -> assertThat(l.max()).isPositive());
            assertThat(writer().rest().limits().dailyApiRequests()).get()
                    .satisfies(l -> assertThat(l.max()).isPositive());
        }

        @Test
        void user_info_names_the_user() {
            UserIdentity me = reader().userInfo();
            assertThat(me.username()).isEqualToIgnoringCase(readerUsername());
            assertThat(me.active()).isTrue();
            assertThat(me.userId()).startsWith("005");
            assertThat(me.orgId()).startsWith("00D");
        }
    }

    @Nested
    class Writes {
        @Test
        void collections_create_update_and_delete_in_chunks_of_200_with_per_record_results() {
            String marker = marker();
            List<SObjectRecord> contacts = IntStream.range(0, 205)
                    .mapToObj(i -> SObjectRecord.of("Contact", Map.of("LastName", marker, "FirstName", "N" + i)))
                    .collect(Collectors.toCollection(ArrayList::new));
            contacts.add(SObjectRecord.of("Contact", Map.of("FirstName", "no last name")));
            long before = writer().calls().count(CallKind.REST);
            List<SaveResult> created = writer().rest().create(contacts, false);
            assertThat(writer().calls().count(CallKind.REST) - before).isEqualTo(2);
            assertThat(created).hasSize(206);
            assertThat(created.subList(0, 205)).allSatisfy(r -> {
                assertThat(r.success()).isTrue();
                assertThat(r.id()).startsWith("003");
            });
            assertThat(created.get(205).success()).isFalse();
            assertThat(created.get(205).errors()).first()
                    .satisfies(e -> assertThat(e.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING"));

            List<String> ids = created.subList(0, 205).stream().map(SaveResult::id).toList();
            try {
                List<SaveResult> updated = writer().rest().update(ids.stream()
                        .map(id -> SObjectRecord.withId("Contact", id, Map.of("Title", "Updated"))).toList(), false);
                assertThat(updated).hasSize(205).allSatisfy(r -> assertThat(r.success()).isTrue());
                assertThat(writer().rest().query("SELECT Id, Title FROM Contact WHERE LastName = '" + marker + "'")
                        .map(n -> n.get("Title").asString())).hasSize(205).containsOnly("Updated");
            } finally {
                List<SaveResult> deleted = writer().rest().delete(ids, false);
                assertThat(deleted).hasSize(205).allSatisfy(r -> assertThat(r.success()).isTrue());
            }
            assertThat(writer().rest().query("SELECT Id FROM Contact WHERE LastName = '" + marker + "'")).isEmpty();
            assertThat(writer().rest().queryAll("SELECT Id, IsDeleted FROM Contact WHERE LastName = '" + marker + "'")
                    .map(n -> n.get("IsDeleted").asBoolean())).hasSize(205).containsOnly(true);
        }

        @Test
        void all_or_none_rolls_back_every_record() {
            String marker = marker();
            List<SaveResult> results = writer().rest().create(List.of(
                    SObjectRecord.of("Contact", Map.of("LastName", marker)),
                    SObjectRecord.of("Contact", Map.of("FirstName", "missing last name"))), true);
            assertThat(results).noneMatch(SaveResult::success);
            assertThat(writer().rest().query("SELECT Id FROM Contact WHERE LastName = '" + marker + "'")).isEmpty();
        }
    }

    @Nested
    class Bulk {
        @Test
        void bulk_query_streams_every_row_in_select_order() {
            BulkJob job = reader().bulkQuery().create("SELECT Id, Name FROM Account", false);
            assertThat(job.id()).startsWith("750");
            BulkJob done = reader().bulkQuery().awaitCompletion(job.id(), Duration.ofMinutes(10));
            assertThat(done.state()).isEqualTo(JobState.JOB_COMPLETE);
            Set<String> ids = new HashSet<>();
            long rows = 0;
            try (CloseableIterator<Row> it = reader().bulkQuery().results(job.id())) {
                while (it.hasNext()) {
                    Row r = it.next();
                    if (rows == 0) {
                        assertThat(r.columns()).containsExactly("Id", "Name");
                    }
                    ids.add(r.get("Id"));
                    rows++;
                }
            }
            assertThat(ids).hasSize((int) rows);
            assertThat(rows).isEqualTo(reader().rest().query("SELECT Id FROM Account").count());
            reader().bulkQuery().delete(job.id());
        }

        @Test
        void bulk_ingest_reports_successful_and_failed_rows_as_typed_results() {
            String marker = marker();
            BulkJob job = writer().bulkIngest().create("Contact", IngestOperation.INSERT, null);
            assertThat(job.state()).isEqualTo(JobState.OPEN);
            List<List<String>> rows = List.of(
                    List.of("Ada", marker, "ada@example.com"),
                    List.of("Line, \"quoted\"\nbreak", marker, ""),
                    List.of("Nobody", "", ""));
            assertThat(writer().bulkIngest().upload(job.id(), List.of("FirstName", "LastName", "Email"),
                    rows.iterator())).isEqualTo(1);
            writer().bulkIngest().close(job.id());
            BulkJob done = writer().bulkIngest().awaitCompletion(job.id(), Duration.ofMinutes(10));
            assertThat(done.state()).isEqualTo(JobState.JOB_COMPLETE);
            assertThat(done.numberRecordsProcessed()).isEqualTo(3);
            assertThat(done.numberRecordsFailed()).isEqualTo(1);

            List<IngestResults.Successful> ok = new ArrayList<>();
            writer().bulkIngest().successfulResults(job.id()).forEachRemaining(ok::add);
            List<IngestResults.Failed> failed = new ArrayList<>();
            writer().bulkIngest().failedResults(job.id()).forEachRemaining(failed::add);
            try {
                assertThat(ok).hasSize(2).allSatisfy(s -> {
                    assertThat(s.id()).startsWith("003");
                    assertThat(s.created()).isTrue();
                });
                assertThat(ok).extracting(s -> s.row().get("FirstName"))
                        .containsExactlyInAnyOrder("Ada", "Line, \"quoted\"\nbreak");
                assertThat(failed).singleElement().satisfies(f -> {
                    assertThat(f.error().errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
                    assertThat(f.row().get("FirstName")).isEqualTo("Nobody");
                });
            } finally {
                writer().rest().delete(ok.stream().map(IngestResults.Successful::id).toList(), false);
            }
        }
    }

    @Nested
    class Preflight {
        @Test
        void passes_what_the_user_has_and_fails_what_it_lacks_with_a_fix_naming_the_user() {
            Requirement.ObjectAccess readAccount = Requirement.object("Account", Access.READ);
            Requirement.ObjectAccess createAccount = Requirement.object("Account", Access.CREATE, Access.EDIT);
            Requirement.CustomObjectExists missing = Requirement.customObject("Crosswalk_No_Such_Object__c");
            PreflightReport report = reader().preflight().run(List.of(Requirement.apiEnabled(),
                    Requirement.userActive(), readAccount, createAccount, missing,
                    Requirement.field("Account", "Name", Access.READ)));
            assertThat(report.lineFor(Requirement.apiEnabled()).status()).isEqualTo(PreflightReport.Status.PASS);
            assertThat(report.lineFor(Requirement.userActive()).status()).isEqualTo(PreflightReport.Status.PASS);
            assertThat(report.lineFor(readAccount).status()).isEqualTo(PreflightReport.Status.PASS);
            assertThat(report.lineFor(readAccount).evidence()).contains("describeGlobal");
            assertThat(report.lineFor(missing).status()).isEqualTo(PreflightReport.Status.FAIL);
            assertThat(report.lineFor(missing).fix()).contains(readerUsername());
            PreflightReport.Line create = report.lineFor(createAccount);
            assertThat(create.status()).isEqualTo(PreflightReport.Status.FAIL);
            assertThat(create.fix()).isEqualTo("Give " + readerUsername() + " Create and Edit access on Account"
                    + " (Object Settings in a permission set assigned to them, or their profile)");
        }
    }
}
