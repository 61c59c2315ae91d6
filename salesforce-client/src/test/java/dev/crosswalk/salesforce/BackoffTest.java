package dev.crosswalk.salesforce;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void delays_grow_exponentially_and_are_capped() {
        Backoff b = new Backoff(10, Duration.ofMillis(500), Duration.ofSeconds(3), 2);
        assertThat(b.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(b.delayAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.delayAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.delayAfter(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(b.delayAfter(40)).isEqualTo(Duration.ofSeconds(3));
    }
}
