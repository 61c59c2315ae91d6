package dev.crosswalk.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestPollingTest {
    private static final Backoff POLLING = Backoff.bulkPolling(); // 1 s .. 30 s

    @Test
    void with_nothing_known_of_the_org_the_first_poll_waits_as_long_as_the_job_is_expected_to_take_at_least_the_first_delay() {
        assertThat(IngestPolling.first(200, POLLING)).as("a small job is not slowed down").isEqualTo(Duration.ofSeconds(1));
        assertThat(IngestPolling.first(5_000, POLLING)).isEqualTo(Duration.ofSeconds(1));
        assertThat(IngestPolling.first(20_000, POLLING)).isEqualTo(Duration.ofSeconds(4));
        // 100,000 rows at 5,000 a second: one poll after 20 s rather than 1, 2, 4, 8, 16 s (five calls).
        assertThat(IngestPolling.first(100_000, POLLING)).isEqualTo(Duration.ofSeconds(20));
        assertThat(IngestPolling.first(100_000_000, POLLING)).as("capped").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void an_earlier_job_of_the_org_that_ran_shorter_than_expected_lets_the_next_first_poll_come_sooner() {
        // The org's last 100,000 rows were done at a 2 s poll: the next 100,000 are polled after 2 s, not 20.
        assertThat(IngestPolling.first(100_000, 100_000, Duration.ofSeconds(2), POLLING)).isEqualTo(Duration.ofSeconds(2));
        // Never sooner than 100,000 rows a second: 500,000 rows wait at least 5 s whatever the last job took.
        assertThat(IngestPolling.first(500_000, 100_000, Duration.ofSeconds(1), POLLING)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a_job_under_way_is_polled_next_when_its_rate_so_far_says_it_ends_with_a_margin() {
        // 25,000 of 100,000 in 8 s: 75,000 more at 3,125/s = 24 s plus 15 %, but never more than the 8 s so far.
        assertThat(IngestPolling.next(100_000, 25_000, Duration.ofSeconds(8), 0, Duration.ZERO, POLLING)).isEqualTo(Duration.ofSeconds(8));
        // 50,000 at 2 s, 90,000 at 3 s: 40,000/s between the polls, 10,000 more = 0.25 s (+15 %), at least the first delay.
        assertThat(IngestPolling.next(100_000, 90_000, Duration.ofSeconds(3), 50_000, Duration.ofSeconds(2), POLLING))
                .isEqualTo(Duration.ofSeconds(1));
        // 20,000 at 10 s, 40,000 at 20 s: 2,000/s, 60,000 more = 30 s (+15 %) → capped by the 20 s so far.
        assertThat(IngestPolling.next(100_000, 40_000, Duration.ofSeconds(20), 20_000, Duration.ofSeconds(10), POLLING))
                .isEqualTo(Duration.ofSeconds(20));
        // 80,000 at 10 s, 96,000 at 12 s: 8,000/s, 4,000 more = 0.5 s → 0.575 s → the first delay.
        assertThat(IngestPolling.next(100_000, 96_000, Duration.ofSeconds(12), 80_000, Duration.ofSeconds(10), POLLING))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_queued_job_is_polled_again_after_as_long_as_it_has_waited() {
        assertThat(IngestPolling.next(100_000, 0, Duration.ofSeconds(3), 0, Duration.ZERO, POLLING)).isEqualTo(Duration.ofSeconds(3));
        assertThat(IngestPolling.next(100_000, 0, Duration.ofMillis(10), 0, Duration.ZERO, POLLING)).isEqualTo(Duration.ofSeconds(1));
        assertThat(IngestPolling.next(100_000, 0, Duration.ofMinutes(5), 0, Duration.ZERO, POLLING)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void every_row_processed_but_the_job_not_yet_complete_waits_a_short_while() {
        assertThat(IngestPolling.next(1_000, 1_000, Duration.ofSeconds(9), 500, Duration.ofSeconds(5), POLLING))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void with_an_earlier_job_of_the_org_the_first_poll_waits_as_long_as_that_job_ran_at_least() {
        // 20,000 rows ran at least 4 s: 100,000 rows are polled first after 4 s (not 20: job time is not proportional).
        assertThat(IngestPolling.first(100_000, 20_000, Duration.ofSeconds(4), POLLING)).isEqualTo(Duration.ofSeconds(4));
        // A smaller job: proportionally less, never below the first delay.
        assertThat(IngestPolling.first(10_000, 20_000, Duration.ofSeconds(4), POLLING)).isEqualTo(Duration.ofSeconds(2));
        assertThat(IngestPolling.first(200, 20_000, Duration.ofSeconds(4), POLLING)).isEqualTo(Duration.ofSeconds(1));
    }
}
