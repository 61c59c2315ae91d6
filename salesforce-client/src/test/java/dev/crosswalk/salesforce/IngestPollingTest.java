package dev.crosswalk.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestPollingTest {
    private static final Backoff POLLING = Backoff.bulkPolling(); // 1 s .. 30 s

    @Test
    void the_first_poll_waits_for_the_optimistic_duration_of_the_job_but_at_least_the_first_delay() {
        assertThat(IngestPolling.first(200, POLLING)).isEqualTo(Duration.ofSeconds(1));
        assertThat(IngestPolling.first(500_000, POLLING)).isEqualTo(Duration.ofSeconds(5));
        assertThat(IngestPolling.first(100_000_000, POLLING)).as("capped").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_job_under_way_is_polled_next_when_its_rate_so_far_says_it_ends_with_a_margin() {
        // 25,000 of 100,000 in 2 s: 75,000 more at 12,500/s = 6 s, plus 15 %.
        assertThat(IngestPolling.next(100_000, 25_000, Duration.ofSeconds(2), POLLING)).isEqualTo(Duration.ofMillis(6900));
    }

    @Test
    void a_queued_job_is_polled_again_after_as_long_as_it_has_waited() {
        assertThat(IngestPolling.next(100_000, 0, Duration.ofSeconds(3), POLLING)).isEqualTo(Duration.ofSeconds(3));
        assertThat(IngestPolling.next(100_000, 0, Duration.ofMillis(10), POLLING)).isEqualTo(Duration.ofSeconds(1));
        assertThat(IngestPolling.next(100_000, 0, Duration.ofMinutes(5), POLLING)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void every_row_processed_but_the_job_not_yet_complete_waits_a_short_while() {
        assertThat(IngestPolling.next(1_000, 1_000, Duration.ofMillis(500), POLLING)).isEqualTo(Duration.ofSeconds(1));
    }
}
