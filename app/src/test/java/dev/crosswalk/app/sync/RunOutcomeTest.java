package dev.crosswalk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.salesforce.ApiError;
import dev.crosswalk.salesforce.LimitInfo;
import dev.crosswalk.salesforce.SalesforceError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RunOutcomeTest {
    private static final RunOutcome.Run RUN = new RunOutcome.Run(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), "integration@example.test", SyncTrigger.SCHEDULE);
    private static final Map<String, Set<String>> ACCOUNT_READ = Map.of("Account", Set.of("Id", "Name"));
    private static final Optional<LimitInfo> USAGE = Optional.of(new LimitInfo(100, 15_000));

    private static RunOutcome outcome(Map<String, Set<String>> read, RunProblem... problems) {
        return RunOutcome.of(RUN, read, List.of(problems), USAGE, true);
    }

    private static RunProblem.Refused refused(String object, SalesforceError error) {
        return new RunProblem.Refused(object, error);
    }

    private static List<ApiError> code(String code) {
        return List.of(ApiError.of(code, "test"));
    }

    @Nested
    class Status {
        @Test
        void no_problems_is_succeeded() {
            assertThat(outcome(ACCOUNT_READ).status()).isEqualTo(RunStatus.SUCCEEDED);
        }

        @Test
        void only_warnings_is_succeeded() {
            assertThat(outcome(ACCOUNT_READ, new RunProblem.FieldMissing("Account", "Industry"),
                    refused("Account", new SalesforceError.InvalidRequest(400, code("INVALID_FIELD")))).status())
                    .isEqualTo(RunStatus.SUCCEEDED);
        }

        @Test
        void one_object_refused_while_another_synced_is_partial() {
            assertThat(outcome(ACCOUNT_READ, refused("Lead", new SalesforceError.InsufficientAccess(403, code("INSUFFICIENT_ACCESS"),
                    Optional.of("Lead"), Optional.empty()))).status()).isEqualTo(RunStatus.PARTIAL);
        }

        @Test
        void nothing_synced_is_failed() {
            assertThat(outcome(Map.of(), new RunProblem.NotStored("Account", "disk full")).status()).isEqualTo(RunStatus.FAILED);
        }

        @Test
        void a_problem_that_stops_the_run_is_failed_even_after_an_object_synced() {
            assertThat(outcome(ACCOUNT_READ, refused(null, new SalesforceError.AuthRevoked(400, code("invalid_grant")))).status())
                    .isEqualTo(RunStatus.FAILED);
            assertThat(outcome(ACCOUNT_READ, new RunProblem.QuotaReached(new LimitInfo(14_000, 15_000))).status())
                    .isEqualTo(RunStatus.FAILED);
        }
    }

    @Nested
    class Proof {
        @Test
        void a_revoked_token_proves_the_connection_broken_and_nothing_working() {
            RunOutcome o = outcome(Map.of(), refused(null, new SalesforceError.AuthRevoked(400, code("invalid_grant"))));
            assertThat(o.connectionBroken()).isTrue();
            assertThat(o.worked().connectionWorks()).isFalse();
        }

        @Test
        void a_refusal_for_one_object_still_proves_the_connection_works() {
            RunOutcome o = outcome(Map.of(), refused("Lead", new SalesforceError.InsufficientAccess(403,
                    code("INSUFFICIENT_ACCESS"), Optional.of("Lead"), Optional.empty())));
            assertThat(o.worked().connectionWorks()).isTrue();
        }

        @Test
        void salesforce_being_unavailable_proves_nothing_about_the_connection() {
            RunOutcome o = outcome(Map.of(), refused("Account", new SalesforceError.Transient(0, List.of(ApiError.of("TIMEOUT", "bulk job")))));
            assertThat(o.worked().connectionWorks()).isFalse();
            assertThat(o.connectionBroken()).isFalse();
        }

        @Test
        void usage_below_the_share_proves_the_budget_ok_unknown_usage_does_not() {
            assertThat(outcome(ACCOUNT_READ).worked().withinBudget()).isTrue();
            assertThat(RunOutcome.of(RUN, ACCOUNT_READ, List.of(), Optional.empty(), true).worked().withinBudget()).isFalse();
        }
    }

    @Nested
    class Retry {
        @Test
        void transient_problems_retry_later() {
            assertThat(outcome(ACCOUNT_READ, refused("Lead", new SalesforceError.Transient(0, List.of(ApiError.of("IO_ERROR", "reset"))))).retry())
                    .isEqualTo(RunOutcome.Retry.LATER);
        }

        @Test
        void a_clean_run_cancels_a_pending_retry() {
            assertThat(outcome(ACCOUNT_READ).retry()).isEqualTo(RunOutcome.Retry.CANCEL_PENDING);
        }

        @Test
        void a_stopped_run_with_a_transient_problem_leaves_the_pending_retry_alone() {
            assertThat(outcome(Map.of(), refused("Account", new SalesforceError.Transient(0, List.of(ApiError.of("IO_ERROR", "reset")))),
                    new RunProblem.QuotaReached(new LimitInfo(15_000, 15_000))).retry()).isEqualTo(RunOutcome.Retry.LEAVE);
        }
    }

    @Test
    void a_run_the_quota_guard_held_did_not_start_and_proves_nothing() {
        RunOutcome o = RunOutcome.skipped(RUN, new LimitInfo(14_000, 15_000));
        assertThat(o.started()).isFalse();
        assertThat(o.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(o.problems()).singleElement().isInstanceOf(RunProblem.QuotaReached.class);
        assertThat(o.worked().connectionWorks()).isFalse();
    }
}
