package dev.crosswalk.salesforce;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkIT {

    private EmulatorFixture emulator;
    private SalesforceConnection admin;

    @BeforeAll
    void start() {
        emulator = EmulatorFixture.start();
        SalesforceClient client = SalesforceClient.create(emulator.config(new FakeTime()).maxUploadBytes(4_096).build());
        admin = emulator.connect(client, EmulatorFixture.ADMIN);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @Test
    void an_upload_larger_than_the_limit_is_split_into_several_puts_and_every_row_arrives() {
        String marker = "BulkSplit" + System.nanoTime();
        BulkJob job = admin.bulkIngest().create("Contact", IngestOperation.INSERT, null);
        Iterator<List<String>> rows = IntStream.range(0, 500)
                .mapToObj(i -> List.of("First " + i, marker, "p" + i + "@example.com")).iterator();
        long bulkBefore = admin.calls().count(CallKind.BULK);
        int uploads = admin.bulkIngest().upload(job.id(), List.of("FirstName", "LastName", "Email"), rows);
        assertThat(uploads).isGreaterThanOrEqualTo(5);
        assertThat(admin.calls().count(CallKind.BULK) - bulkBefore).isEqualTo(uploads);
        admin.bulkIngest().close(job.id());
        BulkJob done = admin.bulkIngest().awaitCompletion(job.id(), Duration.ofMinutes(5));
        assertThat(done.state()).isEqualTo(JobState.JOB_COMPLETE);
        assertThat(done.numberRecordsProcessed()).isEqualTo(500);
        assertThat(done.numberRecordsFailed()).isZero();

        List<String> ids = new ArrayList<>();
        try (CloseableIterator<IngestResults.Successful> ok = admin.bulkIngest().successfulResults(job.id())) {
            ok.forEachRemaining(s -> ids.add(s.id()));
        }
        assertThat(ids).hasSize(500).doesNotHaveDuplicates();

        // Clean up with a Bulk delete job: a CSV of Ids only.
        BulkJob delete = admin.bulkIngest().create("Contact", IngestOperation.DELETE, null);
        admin.bulkIngest().upload(delete.id(), List.of("Id"), ids.stream().map(List::of).iterator());
        admin.bulkIngest().close(delete.id());
        assertThat(admin.bulkIngest().awaitCompletion(delete.id(), Duration.ofMinutes(5)).numberRecordsProcessed())
                .isEqualTo(500);
        assertThat(admin.rest().query("SELECT Id FROM Contact WHERE LastName = '" + marker + "'")).isEmpty();

        // queryAll through Bulk sees them in the recycle bin.
        try (CloseableIterator<Row> deleted = admin.bulkQuery().query(
                "SELECT Id, IsDeleted FROM Contact WHERE LastName = '" + marker + "'", true, Duration.ofMinutes(5))) {
            List<Row> all = new ArrayList<>();
            deleted.forEachRemaining(all::add);
            assertThat(all).hasSize(500).allSatisfy(r -> assertThat(r.get("IsDeleted")).isEqualToIgnoringCase("true"));
        }
    }

    @Test
    void a_query_tells_how_many_rows_its_results_hold_before_the_first_page_without_another_call() {
        long[] told = {-1};
        long otherCallsBefore = admin.calls().total() - admin.calls().count(CallKind.BULK);
        long rows = 0;
        try (CloseableIterator<Row> it = admin.bulkQuery().query("SELECT Id FROM Account", true, Duration.ofMinutes(1),
                n -> told[0] = n)) {
            // Told once the job completed, before any row was asked for.
            assertThat(told[0]).isGreaterThan(0);
            while (it.hasNext()) {
                it.next();
                rows++;
            }
        }
        assertThat(told[0]).isEqualTo(rows);
        // Only the job's own calls (create, polls, result pages): no COUNT() query beside them.
        assertThat(admin.calls().total() - admin.calls().count(CallKind.BULK)).isEqualTo(otherCallsBefore);
    }

    @Test
    void a_query_job_is_first_polled_after_as_long_as_the_last_one_on_its_object_ran_at_least() {
        FakeTime time = new FakeTime();
        ClientConfig config = emulator.config(time).clock(time).build();
        SalesforceConnection sf = emulator.connect(SalesforceClient.create(config), EmulatorFixture.ADMIN);
        String account = "/services/data/v" + EmulatorFixture.API_VERSION + "/jobs/query#Account";
        config.ingestHistory().seen(account, 1, Duration.ofMillis(180));
        time.clearSleeps();

        try (CloseableIterator<Row> rows = sf.bulkQuery().query("SELECT Id FROM Account", true, Duration.ofMinutes(1))) {
            assertThat(rows.hasNext()).isTrue();
        }
        // One poll instead of 20, 40, 80 ms...: the last Account job was still running at 180 ms.
        assertThat(time.sleeps().get(0)).isEqualTo(Duration.ofMillis(180));
        // Done at that poll: the next Account job starts from three quarters of it (or from longer, had it needed more).
        assertThat(config.ingestHistory().last(account).tookAtLeast()).satisfiesAnyOf(d -> assertThat(d).isEqualTo(Duration.ofMillis(135)),
                        d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofMillis(180)));

        time.clearSleeps();
        try (CloseableIterator<Row> rows = sf.bulkQuery().query("SELECT Id FROM Contact", true, Duration.ofMinutes(1))) {
            rows.hasNext();
        }
        // Another object has its own history: the backoff's first delay.
        assertThat(time.sleeps().get(0)).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void an_ingest_job_of_an_org_with_nothing_seen_yet_is_first_polled_after_a_probe_counted_from_its_close_and_the_next_one_sooner() {
        FakeTime time = new FakeTime();
        // Production polling bounds (1 s .. 30 s) on fake time; each wait also really sleeps 20 ms for the emulator's job runner.
        ClientConfig config = emulator.config(time).clock(time).bulkPolling(Backoff.bulkPolling())
                .sleeper(d -> {
                    time.sleep(d);
                    Thread.sleep(20);
                }).build();
        SalesforceConnection sf = emulator.connect(SalesforceClient.create(config), EmulatorFixture.ADMIN);
        String ingest = "/services/data/v" + EmulatorFixture.API_VERSION + "/jobs/ingest";

        String first = closedInsert(sf, 3);
        // The caller did other work for 1 s after the close (the push starts its Account job): the probe counts from the close.
        time.sleep(Duration.ofSeconds(1));
        time.clearSleeps();
        // Announced as 100,000 rows: a probe at 40,000 a second, 2.5 s after the close.
        assertThat(sf.bulkIngest().awaitCompletion(first, Duration.ofMinutes(5), 100_000).state()).isEqualTo(JobState.JOB_COMPLETE);
        assertThat(time.sleeps().get(0)).isEqualTo(Duration.ofMillis(1_500));
        // Done at that poll: the org's next job of that size starts from three quarters of it (longer, had it needed more polls).
        assertThat(config.ingestHistory().last(ingest).tookAtLeast()).satisfiesAnyOf(
                d -> assertThat(d).isEqualTo(Duration.ofMillis(1_875)), d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofMillis(2_500)));

        // A small job of a fresh client (nothing seen) is not slowed down: the backoff's first delay.
        FakeTime time2 = new FakeTime();
        ClientConfig fresh = emulator.config(time2).clock(time2).bulkPolling(Backoff.bulkPolling())
                .sleeper(d -> {
                    time2.sleep(d);
                    Thread.sleep(20);
                }).build();
        SalesforceConnection sf2 = emulator.connect(SalesforceClient.create(fresh), EmulatorFixture.ADMIN);
        String small = closedInsert(sf2, 3);
        time2.clearSleeps();
        assertThat(sf2.bulkIngest().awaitCompletion(small, Duration.ofMinutes(5), 3).state()).isEqualTo(JobState.JOB_COMPLETE);
        assertThat(time2.sleeps().get(0)).isEqualTo(Duration.ofSeconds(1));
    }

    private static String closedInsert(SalesforceConnection sf, int rows) {
        BulkJob job = sf.bulkIngest().create("Contact", IngestOperation.INSERT, null);
        sf.bulkIngest().upload(job.id(), List.of("LastName"),
                IntStream.range(0, rows).mapToObj(i -> List.of("Polled " + i)).iterator());
        sf.bulkIngest().close(job.id());
        return job.id();
    }

    @Test
    void a_bulk_query_of_a_bad_soql_statement_is_an_invalid_request() {
        SalesforceException e = org.junit.jupiter.api.Assertions.assertThrows(SalesforceException.class,
                () -> admin.bulkQuery().create("SELECT Id FORM Account", false));
        assertThat(e.error()).isInstanceOf(SalesforceError.InvalidRequest.class);
    }

    @Test
    void updates_by_id_change_only_the_columns_sent() {
        List<SaveResult> created = admin.rest().create(List.of(
                SObjectRecord.of("Contact", Map.of("LastName", "Upd", "Title", "Keep", "Phone", "Old"))), false);
        assertThat(created.get(0).success()).as(created.toString()).isTrue();
        String id = created.get(0).id();
        BulkJob job = admin.bulkIngest().create("Contact", IngestOperation.UPDATE, null);
        admin.bulkIngest().upload(job.id(), List.of("Id", "Phone"), List.of(List.of(id, "New")).iterator());
        admin.bulkIngest().close(job.id());
        assertThat(admin.bulkIngest().awaitCompletion(job.id(), Duration.ofMinutes(5)).state())
                .isEqualTo(JobState.JOB_COMPLETE);
        var row = admin.rest().query("SELECT Title, Phone FROM Contact WHERE Id = '" + id + "'").findFirst()
                .orElseThrow();
        assertThat(row.get("Title").asString()).isEqualTo("Keep");
        assertThat(row.get("Phone").asString()).isEqualTo("New");
        admin.rest().delete(List.of(id), false);
    }

    @Test
    void an_aborted_ingest_job_returns_its_rows_as_unprocessed() {
        BulkJob job = admin.bulkIngest().create("Contact", IngestOperation.INSERT, null);
        admin.bulkIngest().upload(job.id(), List.of("LastName"), List.of(List.of("Never 1"), List.of("Never 2")).iterator());
        assertThat(admin.bulkIngest().abort(job.id()).state()).isEqualTo(JobState.ABORTED);
        List<String> names = new ArrayList<>();
        try (CloseableIterator<Row> rows = admin.bulkIngest().unprocessedRecords(job.id())) {
            rows.forEachRemaining(r -> names.add(r.get("LastName")));
        }
        assertThat(names).containsExactlyInAnyOrder("Never 1", "Never 2");
        admin.bulkIngest().delete(job.id());
        assertThat(Errors.errorOf(() -> admin.bulkIngest().get(job.id()))).isInstanceOf(SalesforceError.NotFound.class);
    }
}
