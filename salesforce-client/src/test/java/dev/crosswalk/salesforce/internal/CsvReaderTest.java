package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderTest {

    private static List<Row> read(String csv) {
        List<Row> rows = new ArrayList<>();
        try (CsvReader r = new CsvReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            r.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void quoted_values_with_commas_doubled_quotes_and_newlines_survive() {
        List<Row> rows = read("\"Id\",\"Name\",\"Description\"\n"
                + "\"001\",\"Acme, Inc.\",\"He said \"\"hi\"\"\nsecond line\"\n");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("Name")).isEqualTo("Acme, Inc.");
            assertThat(r.get("Description")).isEqualTo("He said \"hi\"\nsecond line");
        });
    }

    @Test
    void an_unquoted_empty_cell_is_null_and_a_quoted_one_is_empty() {
        List<Row> rows = read("\"Id\",\"A\",\"B\"\n\"001\",,\"\"\n");
        assertThat(rows.get(0).get("A")).isNull();
        assertThat(rows.get(0).get("B")).isEmpty();
        assertThat(rows.get(0).value("B")).isEmpty();
    }

    @Test
    void unicode_is_read_as_utf8() {
        List<Row> rows = read("Id,Name\n001,Zürich Straße 東京 🚀\n");
        assertThat(rows.get(0).get("Name")).isEqualTo("Zürich Straße 東京 🚀");
    }

    @Test
    void crlf_line_endings_and_a_missing_final_newline_are_accepted() {
        List<Row> rows = read("Id,Name\r\n001,A\r\n002,B");
        assertThat(rows).extracting(r -> r.get("Name")).containsExactly("A", "B");
    }

    @Test
    void parent_paths_are_ordinary_columns() {
        List<Row> rows = read("\"Id\",\"Account.Name\"\n\"003\",\"Acme\"\n");
        assertThat(rows.get(0).get("Account.Name")).isEqualTo("Acme");
        assertThat(rows.get(0).columns()).containsExactly("Id", "Account.Name");
    }

    @Test
    void a_header_only_body_has_no_rows_and_an_empty_body_has_no_columns() {
        assertThat(read("\"Id\",\"Name\"\n")).isEmpty();
        try (CsvReader r = new CsvReader(new ByteArrayInputStream(new byte[0]))) {
            assertThat(r.columns()).isEmpty();
            assertThat(r.hasNext()).isFalse();
        }
    }

    @Test
    void skip_resumes_after_rows_already_returned() {
        try (CsvReader r = new CsvReader(new ByteArrayInputStream("Id\n1\n2\n3\n".getBytes()))) {
            assertThat(r.skip(2)).isEqualTo(2);
            assertThat(r.next().get("Id")).isEqualTo("3");
        }
    }

    @Test
    void rows_are_streamed_not_buffered() {
        // An endless generator: if the reader buffered the body it would never return a row.
        AtomicLong produced = new AtomicLong();
        InputStream endless = new InputStream() {
            private byte[] current = "Id,Name\n".getBytes();
            private int pos;

            @Override
            public int read() {
                if (pos == current.length) {
                    current = ("00" + produced.incrementAndGet() + ",\"name, quoted\"\n").getBytes();
                    pos = 0;
                }
                return current[pos++];
            }
        };
        try (CsvReader r = new CsvReader(endless)) {
            for (int i = 0; i < 100_000; i++) {
                assertThat(r.next().get("Name")).isEqualTo("name, quoted");
            }
        }
        // The reader reads ahead by at most its buffer, never the whole (infinite) body.
        assertThat(produced.get()).isLessThan(110_000);
    }
}
