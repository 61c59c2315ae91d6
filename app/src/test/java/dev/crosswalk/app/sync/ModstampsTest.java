package dev.crosswalk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModstampsTest {

    @Test
    void salesforce_timestamps_read_and_write_as_the_general_parser_and_formatter_do() {
        Random random = new Random(18);
        for (int i = 0; i < 100_000; i++) {
            // 1970 .. 2100, whole milliseconds, as Salesforce keeps them
            Instant t = Instant.ofEpochMilli((long) (random.nextDouble() * 4_102_444_800_000L));
            String text = t.toString().length() == 24 ? t.toString() : t.toString().replace("Z", ".000Z");
            assertThat(Modstamps.parse(text)).as(text).isEqualTo(Instant.parse(text));
            StringBuilder sb = new StringBuilder();
            Modstamps.append(sb, t);
            assertThat(Instant.parse(sb)).as(text).isEqualTo(t);
            assertThat(sb.toString()).hasSize(24);
        }
    }

    @Test
    void other_shapes_go_the_general_way() {
        assertThat(Modstamps.parse("2026-12-07T18:15:48Z")).isEqualTo(Instant.parse("2026-12-07T18:15:48Z"));
        assertThat(Modstamps.parse("2026-12-07T18:15:48.123456Z")).isEqualTo(Instant.parse("2026-12-07T18:15:48.123456Z"));
        StringBuilder sb = new StringBuilder();
        Modstamps.append(sb, Instant.parse("2026-12-07T18:15:48.123456Z"));
        assertThat(sb).hasToString("2026-12-07T18:15:48.123456Z");
    }

    @Test
    void impossible_dates_fail_as_the_general_parser_fails() {
        assertThatThrownBy(() -> Modstamps.parse("2026-02-30T18:15:48.970Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Modstamps.parse("2026-13-07T18:15:48.970Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Modstamps.parse("2026-12-07T18:1x:48.970Z")).isInstanceOf(DateTimeParseException.class);
    }
}
