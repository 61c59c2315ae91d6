package dev.crosswalk.app.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    /** A clock the test moves by hand. */
    static final class SettableClock extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final SettableClock clock = new SettableClock();
    final LoginThrottle throttle = new LoginThrottle(clock, 5, 30, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1));

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }

    @Nested
    class OneAccountFromOneAddress {
        @Test
        void four_failures_are_allowed_and_the_fifth_locks_for_a_minute() {
            fail("a@x.example", "10.0.0.1", 4);
            assertThat(throttle.retryAfter("a@x.example", "10.0.0.1")).isEmpty();
            fail("a@x.example", "10.0.0.1", 1);
            assertThat(throttle.retryAfter("a@x.example", "10.0.0.1")).contains(Duration.ofMinutes(1));
        }

        @Test
        void the_lock_doubles_with_each_further_failure_and_stops_at_the_maximum() {
            fail("a@x.example", "10.0.0.1", 5);
            Duration expected = Duration.ofMinutes(1);
            for (int i = 0; i < 10; i++) {
                assertThat(throttle.retryAfter("a@x.example", "10.0.0.1")).contains(expected);
                clock.advance(expected);
                assertThat(throttle.retryAfter("a@x.example", "10.0.0.1")).isEmpty();
                fail("a@x.example", "10.0.0.1", 1);
                expected = expected.multipliedBy(2).compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : expected.multipliedBy(2);
            }
            assertThat(throttle.retryAfter("a@x.example", "10.0.0.1")).contains(Duration.ofHours(1));
        }

        @Test
        void the_account_name_is_compared_without_case_or_surrounding_spaces() {
            fail("A@X.example ", "10.0.0.1", 5);
            assertThat(throttle.retryAfter("a@x.example", "10.0.0.1")).isPresent();
        }

        @Test
        void fifteen_quiet_minutes_forget_the_failures() {
            fail("a@x.example", "10.0.0.1", 4);
            clock.advance(Duration.ofMinutes(16));
            fail("a@x.example", "10.0.0.1", 4);
            assertThat(throttle.retryAfter("a@x.example", "10.0.0.1")).isEmpty();
        }

        @Test
        void a_successful_sign_in_clears_the_account_s_failures() {
            fail("a@x.example", "10.0.0.1", 4);
            throttle.succeeded("a@x.example", "10.0.0.1");
            fail("a@x.example", "10.0.0.1", 4);
            assertThat(throttle.retryAfter("a@x.example", "10.0.0.1")).isEmpty();
        }

        @Test
        void another_address_and_another_account_are_not_locked() {
            fail("a@x.example", "10.0.0.1", 5);
            assertThat(throttle.retryAfter("a@x.example", "10.0.0.2")).isEmpty();
            assertThat(throttle.retryAfter("b@x.example", "10.0.0.1")).isEmpty();
        }
    }

    @Test
    void one_address_spraying_many_accounts_is_capped_across_accounts() {
        for (int i = 0; i < 29; i++) {
            throttle.failed("user" + i + "@x.example", "10.0.0.9");
        }
        assertThat(throttle.retryAfter("fresh@x.example", "10.0.0.9")).isEmpty();
        throttle.failed("user29@x.example", "10.0.0.9");
        assertThat(throttle.retryAfter("fresh@x.example", "10.0.0.9")).contains(Duration.ofMinutes(1));
        assertThat(throttle.retryAfter("fresh@x.example", "10.0.0.10")).isEmpty();
    }

    @Test
    void only_email_shaped_account_names_reach_the_log() {
        assertThat(MemberSecurity.loggable("a@x.example")).isEqualTo("a@x.example");
        assertThat(MemberSecurity.loggable("hunter2-typed-in-the-wrong-box")).doesNotContain("hunter2");
        assertThat(MemberSecurity.loggable(null)).isNotNull();
    }
}
