package dev.crosswalk.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestPollingTest {
    private static final Backoff POLLING = Backoff.bulkPolling(); // 1 s .. 30 s

    @Test
    void with_nothing_known_of_the_org_the_first_poll_is_a_probe_timed_at_a_fast_rate_at_least_the_first_delay() {
        assertThat(IngestPolling.first(200, POLLING)).as("a small job is not slowed down").isEqualTo(Duration.ofSeconds(1));
        assertThat(IngestPolling.first(20_000, POLLING)).isEqualTo(Duration.ofSeconds(1));
        // 100,000 rows at 40,000 a second: 2.5 s, where a fast org is done and a slow one has progress to report
        // (it waited 20 s, the time at a typical Salesforce rate: a quiet emulator idled most of it).
        assertThat(IngestPolling.first(100_000, POLLING)).isEqualTo(Duration.ofMillis(2_500));
        assertThat(IngestPolling.first(100_000_000, POLLING)).as("capped").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_slow_upload_puts_the_probe_later_eight_times_its_duration() {
        // A busy machine (or a slow link): writing and sending the CSV took 1.6 s, so the server will not be done in 2.5 s.
        assertThat(IngestPolling.first(100_000, Duration.ofMillis(1_600), POLLING)).isEqualTo(Duration.ofMillis(12_800));
        // A quick upload leaves the probe at the fast rate.
        assertThat(IngestPolling.first(100_000, Duration.ofMillis(200), POLLING)).isEqualTo(Duration.ofMillis(2_500));
    }

    @Test
    void after_the_probe_a_job_under_way_is_polled_when_its_rate_since_the_close_says_it_ends_at_most_three_times_its_time_so_far_later() {
        // The probe at 2.5 s found 40,000 of 100,000: 60,000 more at 16,000/s = 3.75 s, +15 % = 4.3 s (within 3 × 2.5 s).
        assertThat(IngestPolling.next(100_000, 40_000, Duration.ofMillis(2_500), 0, Duration.ZERO, POLLING))
                .isEqualTo(Duration.ofMillis(4_313));
        // 10,000 at 2.5 s (a slow or busy org): 90,000 more would be 22.5 s, +15 %; capped at 7.5 s, when the rate is known better.
        assertThat(IngestPolling.next(100_000, 10_000, Duration.ofMillis(2_500), 0, Duration.ZERO, POLLING))
                .isEqualTo(Duration.ofMillis(7_500));
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
        // 25,000 of 100,000 in 8 s: 75,000 more at 3,125/s = 24 s plus 15 %, but never more than three times the 8 s so far.
        assertThat(IngestPolling.next(100_000, 25_000, Duration.ofSeconds(8), 0, Duration.ZERO, POLLING)).isEqualTo(Duration.ofSeconds(24));
        // 50,000 at 2 s, 90,000 at 3 s: 40,000/s between the polls, 10,000 more = 0.25 s (+15 %), at least the first delay.
        assertThat(IngestPolling.next(100_000, 90_000, Duration.ofSeconds(3), 50_000, Duration.ofSeconds(2), POLLING))
                .isEqualTo(Duration.ofSeconds(1));
        // 20,000 at 5 s, 40,000 at 10 s: 4,000/s, 60,000 more = 15 s (+15 %) = 17.25 s, within three times the 10 s so far.
        assertThat(IngestPolling.next(100_000, 40_000, Duration.ofSeconds(10), 20_000, Duration.ofSeconds(5), POLLING))
                .isEqualTo(Duration.ofMillis(17_250));
        // 20,000 at 10 s, 40,000 at 12 s: 10,000/s between the polls (the slow start does not count); 60,000 more = 6.9 s.
        assertThat(IngestPolling.next(100_000, 40_000, Duration.ofSeconds(12), 20_000, Duration.ofSeconds(10), POLLING))
                .isEqualTo(Duration.ofMillis(6_900));
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
