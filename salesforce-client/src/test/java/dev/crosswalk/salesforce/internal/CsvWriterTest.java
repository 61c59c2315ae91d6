package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    @Test
    void values_are_quoted_only_when_needed() {
        assertThat(new String(CsvWriter.line(Arrays.asList("plain", "a,b", "say \"x\"", "two\nlines", null, " pad"))))
                .isEqualTo("plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",,\" pad\"\n");
    }

    @Test
    void what_the_writer_writes_the_reader_reads_back() {
        List<String> values = Arrays.asList("001", "Acme, \"Inc\"", "multi\r\nline", "Zürich 東京", "#N/A");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(CsvWriter.line(List.of("Id", "Name", "Description", "City", "Phone")));
        out.writeBytes(CsvWriter.line(values));
        try (CsvReader r = new CsvReader(new ByteArrayInputStream(out.toByteArray()))) {
            Row row = r.next();
            assertThat(row.get("Name")).isEqualTo("Acme, \"Inc\"");
            assertThat(row.get("Description")).isEqualTo("multi\r\nline");
            assertThat(row.get("City")).isEqualTo("Zürich 東京");
            assertThat(row.get("Phone")).isEqualTo("#N/A");
        }
    }
}
