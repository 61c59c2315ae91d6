package dev.crosswalk.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryPoliciesTest {
    private final RetryPolicies defaults = new RetryPolicies(Duration.ofSeconds(30), 6, Duration.ofSeconds(5), 8,
            Duration.ofMinutes(1), Duration.ofHours(1));

    @ParameterizedTest(name = "seen {0} times → retry the sync in {1} minutes")
    @CsvSource({"1,1", "2,2", "3,4", "6,32", "7,60", "40,60", "0,1"})
    void a_transient_failure_backs_off_exponentially_up_to_the_cap(int occurrences, long minutes) {
        assertThat(defaults.transientSyncRetry(occurrences)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void the_pipeline_needs_at_least_one_attempt() {
        assertThatThrownBy(() -> new RetryPolicies(Duration.ofSeconds(30), 0, Duration.ofSeconds(5), 8, Duration.ofMinutes(1),
                Duration.ofHours(1))).hasMessageContaining("crosswalk.pipeline.attempts");
    }
}
