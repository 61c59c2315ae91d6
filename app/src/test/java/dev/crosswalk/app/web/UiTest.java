package dev.crosswalk.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UiTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void times_read_as_how_long_ago() {
        assertThat(Ui.ago(NOW.minusSeconds(10), NOW)).isEqualTo("just now");
        assertThat(Ui.ago(NOW.minusSeconds(5 * 60), NOW)).isEqualTo("5 min ago");
        assertThat(Ui.ago(NOW.minusSeconds(3 * 3600), NOW)).isEqualTo("3 h ago");
        assertThat(Ui.ago(NOW.minusSeconds(86400 * 2), NOW)).isEqualTo("2 days ago");
        assertThat(Ui.ago(NOW.plusSeconds(600), NOW)).isEqualTo("in 10 min");
        assertThat(Ui.ago(null, NOW)).isEqualTo("—");
    }

    @Test
    void statuses_read_as_words_never_as_codes() {
        assertThat(Ui.Status.of("NEEDS_REAUTHORIZATION").word()).isEqualTo("Needs reauthorization");
        assertThat(Ui.Status.of("FIRST_SYNC_IN_PROGRESS").word()).isEqualTo("Setting up");
        assertThat(Ui.Status.of("NOT_SYNCING").word()).isEqualTo("Not Syncing");
        assertThat(Ui.Status.of("ERROR").tone()).isEqualTo("bad");
        assertThat(Ui.Status.of("SOMETHING_NEW").word()).isEqualTo("Something new");
    }

    @Test
    void an_sse_message_is_one_line() {
        assertThat(RunStream.oneLine("<p>\r\n  a\n</p>")).doesNotContain("\n").doesNotContain("\r");
    }
}
