package dev.crosswalk.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestCsvTest {

    private static IngestCsv.Parsed parse(String csv, ColumnDelimiter d, LineEnding le) throws Exception {
        return IngestCsv.parse(csv.getBytes(StandardCharsets.UTF_8), d, le);
    }

    private static IngestCsv.Parsed parse(String csv) throws Exception {
        return parse(csv, ColumnDelimiter.COMMA, LineEnding.LF);
    }

    @Test
    void the_first_row_is_the_header_and_the_others_are_data() throws Exception {
        IngestCsv.Parsed p = parse("Name,Website\nAcme,acme.com\nGlobex,\n");
        assertThat(p.header()).containsExactly("Name", "Website");
        assertThat(p.rows()).containsExactly(List.of("Acme", "acme.com"), List.of("Globex", ""));
    }

    @Test
    void quoted_values_keep_delimiters_doubled_quotes_and_embedded_newlines() throws Exception {
        IngestCsv.Parsed p = parse("Name,Description\n\"Acme, Inc.\",\"line 1\nsaid \"\"hi\"\"\"\n");
        assertThat(p.rows()).containsExactly(List.of("Acme, Inc.", "line 1\nsaid \"hi\""));
    }

    @Test
    void unicode_and_a_byte_order_mark_are_read_as_utf8() throws Exception {
        IngestCsv.Parsed p = parse("\uFEFFName\nZürich 東京 😀\n");
        assertThat(p.header()).containsExactly("Name");
        assertThat(p.rows()).containsExactly(List.of("Zürich 東京 😀"));
    }

    @Test
    void values_are_not_trimmed_and_na_stays_literal_for_the_writer_to_interpret() throws Exception {
        IngestCsv.Parsed p = parse("A,B\n  x  ,#N/A\n");
        assertThat(p.rows()).containsExactly(List.of("  x  ", "#N/A"));
    }

    @Test
    void the_jobs_delimiter_and_crlf_line_ending_are_honoured() throws Exception {
        IngestCsv.Parsed p = parse("Name|Phone\r\n\"a|b\"|1\r\nc|2\r\n", ColumnDelimiter.PIPE, LineEnding.CRLF);
        assertThat(p.rows()).containsExactly(List.of("a|b", "1"), List.of("c", "2"));
    }

    @Test
    void rows_with_the_wrong_number_of_cells_are_kept_for_a_per_row_failure() throws Exception {
        IngestCsv.Parsed p = parse("A,B\n1\n1,2,3\n");
        assertThat(p.rows()).containsExactly(List.of("1"), List.of("1", "2", "3"));
    }

    @Test
    void a_file_whose_line_ending_differs_from_the_job_is_refused() {
        assertThatThrownBy(() -> parse("Name\r\nAcme\r\n", ColumnDelimiter.COMMA, LineEnding.LF))
                .isInstanceOf(IngestCsv.Unreadable.class)
                .hasMessageContaining("LineEnding is invalid on user data. Current LineEnding setting is LF");
        assertThatThrownBy(() -> parse("Name\nAcme\n", ColumnDelimiter.COMMA, LineEnding.CRLF))
                .isInstanceOf(IngestCsv.Unreadable.class);
    }

    @Test
    void an_unterminated_quote_makes_the_upload_unreadable() {
        assertThatThrownBy(() -> parse("Name\n\"Acme\n")).isInstanceOf(IngestCsv.Unreadable.class);
    }

    @Test
    void an_empty_upload_has_no_header() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(IngestCsv.Unreadable.class);
    }
}
