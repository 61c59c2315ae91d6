package dev.crosswalk.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransientRetryTest {
    @ParameterizedTest(name = "seen {0} times → retry in {1} minutes")
    @CsvSource({"1,1", "2,2", "3,4", "6,32", "7,60", "40,60", "0,1"})
    void backs_off_exponentially_up_to_the_cap(int occurrences, long minutes) {
        assertThat(TransientRetry.delay(Duration.ofMinutes(1), Duration.ofHours(1), occurrences))
                .isEqualTo(Duration.ofMinutes(minutes));
    }
}
