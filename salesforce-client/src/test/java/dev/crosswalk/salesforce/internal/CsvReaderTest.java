package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.Row;
import org.junit.jupiter.api.Test;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Random;
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

    @Test
    void a_trailing_delimiter_is_one_more_empty_cell() {
        List<Row> rows = read("A,B\n1,\n2,");
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.get("B")).isNull());
    }

    @Test
    void text_after_a_closing_quote_is_malformed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("A\n\"x\"y\n"))
                .isInstanceOfSatisfying(dev.crosswalk.salesforce.SalesforceException.class,
                        e -> assertThat(e.error().first().orElseThrow().errorCode()).isEqualTo("MALFORMED_CSV"));
    }

    @Test
    void an_unclosed_quote_is_malformed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("A\n\"never closed\n"))
                .isInstanceOf(dev.crosswalk.salesforce.SalesforceException.class);
    }

    /** Reads {@code csv} through a stream that hands out 1..maxChunk bytes per read. */
    private static List<String[]> readTrickling(byte[] csv, int maxChunk, long seed) {
        Random random = new Random(seed);
        InputStream trickle = new ByteArrayInputStream(csv) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(maxChunk)));
            }
        };
        List<String[]> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(trickle)) {
            out.add(r.columns().toArray(new String[0]));
            r.forEachRemaining(row -> {
                String[] v = new String[row.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = row.get(i);
                }
                out.add(v);
            });
        }
        return out;
    }

    private static List<String[]> readWithCommonsCsv(String csv) throws IOException {
        List<String[]> out = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).setIgnoreEmptyLines(true).get();
        try (CSVParser p = format.parse(new StringReader(csv))) {
            boolean header = true;
            for (CSVRecord rec : p) {
                String[] v = rec.values();
                if (header) {
                    v = Arrays.stream(v).map(x -> x == null ? "" : x).toArray(String[]::new);
                    header = false;
                }
                out.add(v);
            }
        }
        return out;
    }

    private static String randomCsv(Random random, int rows, int columns) {
        String[] pieces = {"a", "Acme", ",", "\"", "\"\"", "\n", "\r\n", " ", "é", "東京", "🚀", "x,y", "001Rx", "true", ""};
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                StringBuilder v = new StringBuilder();
                int n = r == 0 ? 1 : random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    v.append(r == 0 ? "Col" + c : pieces[random.nextInt(pieces.length)]);
                }
                String value = v.toString();
                boolean mustQuote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
                if (mustQuote || random.nextBoolean()) {
                    sb.append('"').append(value.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(value); // unquoted: empty means null
                }
            }
            sb.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void agrees_with_commons_csv_on_generated_input_whatever_the_read_sizes(long seed) throws IOException {
        Random random = new Random(seed);
        String csv = randomCsv(random, 300, 1 + random.nextInt(6));
        List<String[]> expected = readWithCommonsCsv(csv);
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 3, 17, 70_000}) {
            List<String[]> actual = readTrickling(bytes, chunk, seed);
            assertThat(actual).as("chunk " + chunk).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i)).as("record " + i + ", chunk " + chunk).containsExactly(expected.get(i));
            }
        }
    }

    @Test
    void agrees_with_commons_csv_on_a_body_larger_than_the_buffer() throws IOException {
        String csv = randomCsv(new Random(42), 12_000, 5);
        assertThat(csv.length()).isGreaterThan(3 * 64 * 1024);
        List<String[]> expected = readWithCommonsCsv(csv);
        List<String[]> actual = readTrickling(csv.getBytes(StandardCharsets.UTF_8), 100_000, 42);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).containsExactly(expected.get(i));
        }
    }
}
