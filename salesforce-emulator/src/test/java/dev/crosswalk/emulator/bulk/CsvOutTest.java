package dev.crosswalk.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsvOutTest {

    private static String render(ColumnDelimiter d, LineEnding le, Object... cells) {
        CsvOut out = new CsvOut(d, le, 8);
        for (Object c : cells) {
            out.cell(c);
        }
        out.endRow();
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static String render(Object... cells) {
        return render(ColumnDelimiter.COMMA, LineEnding.LF, cells);
    }

    private static List<String> parse(String csv, char delimiter) throws Exception {
        List<String> values = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(new StringReader(csv))) {
            r.forEach(values::add);
        }
        return values;
    }

    @Nested
    class Text {
        @Test
        void every_value_is_double_quoted() {
            assertThat(render("Acme", "x")).isEqualTo("\"Acme\",\"x\"\n");
        }

        @Test
        void embedded_quotes_are_doubled() {
            assertThat(render("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"\n");
        }

        @Test
        void commas_newlines_and_quotes_survive_a_round_trip_through_a_csv_parser() throws Exception {
            String tricky = "a,b\n\"c\"\r\nd";
            assertThat(parse(render(tricky, "plain"), ',')).containsExactly(tricky, "plain");
        }

        @Test
        void unicode_is_written_as_utf8_including_characters_outside_the_basic_plane() throws Exception {
            String text = "Zürich – 東京 😀";
            String csv = render(text);
            assertThat(csv).isEqualTo("\"" + text + "\"\n");
            assertThat(parse(csv, ',')).containsExactly(text);
        }

        @Test
        void null_and_empty_string_both_render_as_an_empty_quoted_cell() {
            assertThat(render(null, "", "x")).isEqualTo("\"\",\"\",\"x\"\n");
        }
    }

    @Nested
    class TypedValues {
        @Test
        void booleans_are_lower_case_words() {
            assertThat(render(true, false)).isEqualTo("\"true\",\"false\"\n");
        }

        @Test
        void dates_are_iso_days_and_datetimes_are_utc_with_milliseconds() {
            assertThat(render(LocalDate.of(2024, 2, 29), Instant.parse("2024-01-01T00:00:00Z"),
                    Instant.parse("1969-12-31T23:59:59.007Z"), Instant.parse("2026-11-28T10:53:27.123456Z")))
                    .isEqualTo("\"2024-02-29\",\"2024-01-01T00:00:00.000Z\",\"1969-12-31T23:59:59.007Z\","
                            + "\"2026-11-28T10:53:27.123Z\"\n");
        }

        @Test
        void datetimes_match_the_jdk_formatter_across_many_days() {
            for (long day = -700_000; day < 2_900_000; day += 3_001) { // years 0083 to 9909
                Instant i = Instant.ofEpochSecond(day * 86_400 + 3_723, 45_000_000);
                assertThat(render(i)).isEqualTo("\"" + i + "\"\n");
            }
        }

        @Test
        void numbers_have_no_exponent_and_whole_doubles_no_fraction() {
            assertThat(render(42, -7, 1.0E7, 1234.5, 0.1, -3.0, 12_345_678_901L))
                    .isEqualTo("\"42\",\"-7\",\"10000000\",\"1234.5\",\"0.1\",\"-3\",\"12345678901\"\n");
        }
    }

    @Nested
    class Layout {
        @Test
        void the_job_delimiter_and_line_ending_are_used() throws Exception {
            String csv = render(ColumnDelimiter.PIPE, LineEnding.CRLF, "a|b", 1);
            assertThat(csv).isEqualTo("\"a|b\"|\"1\"\r\n");
            assertThat(parse(csv, '|')).containsExactly("a|b", "1");
        }

        @Test
        void tab_separated_output_uses_tabs() {
            assertThat(render(ColumnDelimiter.TAB, LineEnding.LF, "a", "b")).isEqualTo("\"a\"\t\"b\"\n");
        }

        @Test
        void the_buffer_grows_for_long_values() {
            String big = "x".repeat(100_000);
            assertThat(render(big)).hasSize(100_003);
        }
    }

    @Nested
    class ColumnMemo {
        @Test
        void repeated_instances_and_changing_values_render_exactly_as_without_the_memo() {
            CsvOut memo = new CsvOut(ColumnDelimiter.COMMA, LineEnding.LF, 8);
            CsvOut plain = new CsvOut(ColumnDelimiter.COMMA, LineEnding.LF, 8);
            String shared = "Owner \"A\"";
            Instant stamp = Instant.parse("2026-01-01T00:00:00.001Z");
            for (int row = 0; row < 1000; row++) {
                Object[] cells = {"id-" + row, shared, stamp, row % 3 == 0 ? null : Boolean.TRUE, row};
                for (int c = 0; c < cells.length; c++) {
                    memo.cell(c, cells[c]);
                    plain.cell(cells[c]);
                }
                memo.endRow();
                plain.endRow();
            }
            assertThat(new String(memo.toByteArray(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(plain.toByteArray(), StandardCharsets.UTF_8))
                    .contains("\"id-999\",\"Owner \"\"A\"\"\",\"2026-01-01T00:00:00.001Z\",\"\",\"999\"\n");
        }
    }
}
