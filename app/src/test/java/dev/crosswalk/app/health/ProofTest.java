package dev.crosswalk.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.integration.IntegrationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProofTest {
    private static final UUID RUN = UUID.randomUUID();

    @Nested
    class A_run {
        private final Proof accountOnly = Proof.ofRun(RUN, Map.of("Account", Set.of("Id", "Name", "Industry")))
                .withConnectionWorking().withQuotaOk();

        @Test
        void that_skipped_Lead_does_not_clear_an_error_about_Lead() {
            assertThat(accountOnly.clears(HealthCode.PERMISSION_MISSING, "Lead", null)).isFalse();
            assertThat(accountOnly.clears(HealthCode.SALESFORCE_UNAVAILABLE, "Lead", null)).isFalse();
        }

        @Test
        void that_read_Account_clears_Account_errors_and_fields_it_requested() {
            assertThat(accountOnly.clears(HealthCode.PERMISSION_MISSING, "Account", null)).isTrue();
            assertThat(accountOnly.clears(HealthCode.FIELD_MISSING, "Account", "Industry")).isTrue();
            assertThat(accountOnly.clears(HealthCode.FIELD_MISSING, "Account", "Type")).isFalse();
        }

        @Test
        void that_worked_clears_connection_errors_but_not_warnings_about_the_authorizer() {
            assertThat(accountOnly.clears(HealthCode.AUTH_REVOKED, null, null)).isTrue();
            assertThat(accountOnly.clears(HealthCode.AUTHORIZER_NOT_ADMIN, null, null)).isFalse();
            assertThat(accountOnly.clears(HealthCode.APPROVAL_LIMIT, null, null)).isFalse();
        }

        @Test
        void that_failed_as_a_whole_clears_nothing() {
            Proof failed = Proof.ofRun(RUN, Map.of());
            for (HealthCode code : HealthCode.values()) {
                assertThat(failed.clears(code, "Account", null)).as(code.name()).isFalse();
            }
        }
    }

    @Nested
    class A_preflight {
        private final Proof preflight = Proof.ofPreflight("probe", Set.of("Lead"), Set.of("Account.Industry"))
                .withConnectionWorking().withQuotaOk().withApprovalsOk();

        @Test
        void that_found_Lead_readable_clears_the_permission_error_but_not_a_failed_read() {
            assertThat(preflight.clears(HealthCode.PERMISSION_MISSING, "Lead", null)).isTrue();
            assertThat(preflight.clears(HealthCode.SALESFORCE_UNAVAILABLE, "Lead", null)).isFalse();
            assertThat(preflight.clears(HealthCode.SYNC_FAILED, "Lead", null)).isFalse();
        }

        @Test
        void that_found_a_field_readable_clears_its_field_error() {
            assertThat(preflight.clears(HealthCode.FIELD_MISSING, "Account", "Industry")).isTrue();
            assertThat(preflight.clears(HealthCode.FIELD_MISSING, "Account", "Type")).isFalse();
        }
    }

    @Nested
    class A_pipeline_pass {
        @Test
        void clears_a_matching_failure_and_nothing_about_the_connection() {
            assertThat(Proof.ofPipeline().clears(HealthCode.MATCHING_FAILED, null, null)).isTrue();
            assertThat(Proof.ofPipeline().clears(HealthCode.AUTH_REVOKED, null, null)).isFalse();
            assertThat(Proof.ofRun(RUN, Map.of("Account", Set.of("Id"))).withConnectionWorking()
                    .clears(HealthCode.MATCHING_FAILED, null, null)).as("a run is no proof that matching works").isFalse();
        }
    }

    @Nested
    class Transient_errors {
        private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

        @ParameterizedTest(name = "{0} occurrences over {1} minutes → visible {2}")
        @CsvSource({"1,0,false", "2,10,false", "3,1,true", "2,15,true"})
        void become_visible_after_three_occurrences_or_fifteen_minutes(int occurrences, int minutes, boolean visible) {
            assertThat(IntegrationError.isVisible(HealthCode.SALESFORCE_UNAVAILABLE, occurrences, t0,
                    t0.plus(Duration.ofMinutes(minutes)), 3, Duration.ofMinutes(15))).isEqualTo(visible);
        }

        @Test
        void other_errors_are_visible_at_once() {
            assertThat(IntegrationError.isVisible(HealthCode.AUTH_REVOKED, 1, t0, t0, 3, Duration.ofMinutes(15))).isTrue();
        }
    }

    @Nested
    class Status {
        @Test
        void blocking_errors_make_error_and_their_absence_makes_active_once_a_run_finished() {
            assertThat(StatusPolicy.next(IntegrationStatus.ACTIVE, true, false)).isEqualTo(IntegrationStatus.ERROR);
            assertThat(StatusPolicy.next(IntegrationStatus.ERROR, false, false)).isEqualTo(IntegrationStatus.ACTIVE);
            assertThat(StatusPolicy.next(IntegrationStatus.FIRST_SYNC_IN_PROGRESS, false, false))
                    .isEqualTo(IntegrationStatus.FIRST_SYNC_IN_PROGRESS);
            assertThat(StatusPolicy.next(IntegrationStatus.FIRST_SYNC_IN_PROGRESS, false, true)).isEqualTo(IntegrationStatus.ACTIVE);
        }

        @Test
        void only_going_into_error_and_recovering_from_it_are_alerts() {
            assertThat(AlertService.kindOf(IntegrationStatus.ACTIVE, IntegrationStatus.ERROR)).isEqualTo(AlertService.Kind.INTO_ERROR);
            assertThat(AlertService.kindOf(IntegrationStatus.FIRST_SYNC_IN_PROGRESS, IntegrationStatus.ERROR))
                    .isEqualTo(AlertService.Kind.INTO_ERROR);
            assertThat(AlertService.kindOf(IntegrationStatus.ERROR, IntegrationStatus.ACTIVE)).isEqualTo(AlertService.Kind.RECOVERED);
            assertThat(AlertService.kindOf(IntegrationStatus.FIRST_SYNC_IN_PROGRESS, IntegrationStatus.ACTIVE)).isNull();
        }
    }
}
