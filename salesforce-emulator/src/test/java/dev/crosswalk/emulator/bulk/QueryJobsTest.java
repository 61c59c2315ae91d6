package dev.crosswalk.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QueryJobsTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
    private Org org;
    private SObjectType account;

    @BeforeEach
    void setUp() {
        org = new Org("00DRx0000000001AAA", "Acme", clock, 1000);
        StandardSchema.install(org);
        account = org.type("Account").orElseThrow();
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    private void accounts(int n) {
        org.writeRun(() -> {
            for (int i = 0; i < n; i++) {
                Record r = RecordLifecycle.create(org, account, null);
                r.set(account.require("Name"), "Account " + i);
            }
        });
    }

    /** Id and Name of every Account, in store order: a stand-in for the SOQL engine. */
    private QueryPlan idAndName() {
        FieldDef name = account.require("Name");
        return new QueryPlan() {
            public String objectName() { return "Account"; }
            public List<String> headers() { return List.of("Id", "Name"); }
            public List<CellReader> readers() { return List.of(Record::id, r -> r.get(name)); }
            public List<Record> execute() { return new ArrayList<>(org.store(account).all()); }
        };
    }

    private QueryJobs jobs(BulkSettings settings) {
        return new QueryJobs(clock, settings, executor, new JobIds());
    }

    private QueryJob create(QueryJobs jobs, QueryPlan plan) {
        return jobs.create(org, "005Rx0000000001AAA", "59.0", QueryJob.Operation.query, ColumnDelimiter.COMMA,
                LineEnding.LF, plan);
    }

    private static String csv(QueryJobs.Page page) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryJobs.write(page, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JobState await(QueryJob job) throws Exception {
        return job.finished().get(10, TimeUnit.SECONDS);
    }

    @Nested
    class StateMachine {
        @Test
        void a_job_runs_to_job_complete_and_counts_its_rows() throws Exception {
            accounts(3);
            QueryJob job = create(jobs(BulkSettings.defaults()), idAndName());
            assertThat(await(job)).isEqualTo(JobState.JobComplete);
            assertThat(job.info().numberRecordsProcessed()).isEqualTo(3);
            assertThat(job.info().object()).isEqualTo("Account");
        }

        @Test
        void a_delayed_job_waits_in_upload_complete_and_can_be_aborted_there_for_good() throws Exception {
            accounts(1);
            QueryJob job = create(jobs(BulkSettings.defaults().withProcessingDelay(Duration.ofMinutes(5))), idAndName());
            assertThat(job.state()).isEqualTo(JobState.UploadComplete);
            job.abort(clock.instant());
            assertThat(await(job)).isEqualTo(JobState.Aborted);
            assertThat(job.start(clock.instant())).as("an aborted job never starts").isFalse();
        }

        @Test
        void a_job_aborted_while_in_progress_stays_aborted_when_its_query_finishes() throws Exception {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            QueryPlan slow = new QueryPlan() {
                public String objectName() { return "Account"; }
                public List<String> headers() { return List.of("Id"); }
                public List<CellReader> readers() { return List.of(Record::id); }
                public List<Record> execute() {
                    running.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return List.of();
                }
            };
            QueryJob job = create(jobs(BulkSettings.defaults()), slow);
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(job.state()).isEqualTo(JobState.InProgress);
            job.abort(clock.instant());
            release.countDown();
            assertThat(await(job)).isEqualTo(JobState.Aborted);
            assertThat(job.state()).isEqualTo(JobState.Aborted);
        }

        @Test
        void a_finished_job_cannot_be_aborted() throws Exception {
            QueryJob job = create(jobs(BulkSettings.defaults()), idAndName());
            await(job);
            assertThatThrownBy(() -> job.abort(clock.instant()))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.errorCode()).isEqualTo("INVALIDJOBSTATE");
                    });
        }

        @Test
        void a_query_that_throws_fails_the_job_with_an_error_message() throws Exception {
            QueryPlan broken = new QueryPlan() {
                public String objectName() { return "Account"; }
                public List<String> headers() { return List.of("Id"); }
                public List<CellReader> readers() { return List.of(Record::id); }
                public List<Record> execute() { throw new IllegalStateException("boom"); }
            };
            QueryJob job = create(jobs(BulkSettings.defaults()), broken);
            assertThat(await(job)).isEqualTo(JobState.Failed);
            assertThat(job.info().errorMessage()).contains("boom");
        }

        @Test
        void results_are_refused_before_the_job_is_complete_and_with_another_api_version() throws Exception {
            QueryJobs jobs = jobs(BulkSettings.defaults().withProcessingDelay(Duration.ofMinutes(5)));
            QueryJob pending = create(jobs, idAndName());
            assertThatThrownBy(() -> jobs.page(pending, "59.0", null, null))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(412));
            QueryJobs fast = jobs(BulkSettings.defaults());
            QueryJob done = create(fast, idAndName());
            await(done);
            assertThatThrownBy(() -> fast.page(done, "60.0", null, null))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        }

        @Test
        void a_deleted_job_is_gone_and_other_orgs_never_see_a_job() throws Exception {
            QueryJobs jobs = jobs(BulkSettings.defaults());
            QueryJob job = create(jobs, idAndName());
            await(job);
            Org other = new Org("00DRx0000000002AAA", "Other", clock, 1000);
            assertThat(jobs.find(other, job.id())).isEmpty();
            assertThat(jobs.find(org, job.id().substring(0, 15))).contains(job);
            jobs.delete(job);
            assertThat(jobs.find(org, job.id())).isEmpty();
        }
    }

    @Nested
    class Paging {
        private QueryJobs jobs;
        private QueryJob job;

        @BeforeEach
        void completedJob() throws Exception {
            accounts(1005);
            jobs = jobs(BulkSettings.defaults());
            job = create(jobs, idAndName());
            await(job);
        }

        @Test
        void pages_cover_every_row_exactly_once_and_end_with_the_null_locator() throws Exception {
            Set<String> ids = new HashSet<>();
            int rows = 0;
            String locator = null;
            int pages = 0;
            do {
                QueryJobs.Page page = jobs.page(job, "59.0", locator, "100");
                List<String> lines = csv(page).lines().toList();
                assertThat(lines.get(0)).isEqualTo("\"Id\",\"Name\"");
                assertThat(lines).hasSize(page.count() + 1);
                for (String line : lines.subList(1, lines.size())) {
                    ids.add(line.substring(1, 19));
                    rows++;
                }
                locator = page.nextLocator();
                pages++;
            } while (!Locator.END.equals(locator));
            assertThat(pages).isEqualTo(11);
            assertThat(rows).isEqualTo(1005);
            assertThat(ids).hasSize(1005);
        }

        @Test
        void the_same_locator_fetches_the_same_page_again() throws Exception {
            String second = jobs.page(job, "59.0", null, "300").nextLocator();
            String once = csv(jobs.page(job, "59.0", second, "300"));
            String again = csv(jobs.page(job, "59.0", second, "300"));
            assertThat(again).isEqualTo(once);
            assertThat(once.lines().skip(1).findFirst().orElseThrow()).contains("Account 300");
        }

        @Test
        void without_max_records_the_default_page_size_applies() {
            QueryJobs small = new QueryJobs(clock, BulkSettings.defaults().withDefaultPageSize(1000), executor, new JobIds());
            QueryJob j = create(small, idAndName());
            j.finished().join();
            QueryJobs.Page first = small.page(j, "59.0", null, null);
            assertThat(first.count()).isEqualTo(1000);
            assertThat(small.page(j, "59.0", first.nextLocator(), null).count()).isEqualTo(5);
        }

        @Test
        void a_bad_max_records_is_refused() {
            assertThatThrownBy(() -> jobs.page(job, "59.0", null, "0")).isInstanceOf(ApiException.class);
            assertThatThrownBy(() -> jobs.page(job, "59.0", null, "ten")).isInstanceOf(ApiException.class);
        }

        @Test
        void rows_written_after_the_job_ran_are_not_in_its_results() throws Exception {
            accounts(10);
            assertThat(jobs.page(job, "59.0", null, null).count()).isEqualTo(1005);
        }
    }
}
