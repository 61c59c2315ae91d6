package dev.crosswalk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.io.JsonStringEncoder;

class CopyLinesTest {
    private static final String[] PIECES = {"Acme", "a", " ", ",", "\"", "\\", "\n", "\r", "\t", "\u0001", "\u007f", "é", "東京",
        "🚀", "www.acme.com/x?y=1", "", "null", "{\"a\":1}", "''"};

    @Test
    void lines_are_byte_for_byte_what_string_building_gave_whatever_the_values() throws IOException {
        Random random = new Random(18);
        List<String> columns = List.of("Id", "Name", "Website", "Odd \"name\"", "Ünïcode");
        for (int batch = 0; batch < 50; batch++) {
            List<RecordBatchWriter.SyncedRow> rows = new ArrayList<>();
            for (int r = 0; r < 200; r++) {
                String[] values = new String[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = random.nextInt(6) == 0 ? null : value(random);
                }
                rows.add(new RecordBatchWriter.SyncedRow("001R00000" + r, columns, values, random.nextBoolean(),
                        Instant.ofEpochMilli(random.nextLong(4_102_444_800_000L))));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CopyLines lines = new CopyLines(out, "org,integration,Account,", ",2026-12-07T18:00:00Z");
            StringBuilder expected = new StringBuilder();
            for (RecordBatchWriter.SyncedRow row : rows) {
                lines.add(row);
                expected.append(asStrings("org,integration,Account,", ",2026-12-07T18:00:00Z", row));
            }
            lines.flush();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        }
    }

    @Test
    void a_row_without_columns_has_an_empty_object() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyLines lines = new CopyLines(out, "", "");
        lines.add(new RecordBatchWriter.SyncedRow("001", List.of(), new String[0], false, Instant.parse("2026-12-07T18:00:00.123Z")));
        lines.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("001,\"{}\",false,2026-12-07T18:00:00.123Z\n");
    }

    private static String value(Random random) {
        StringBuilder v = new StringBuilder();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            v.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return v.toString();
    }

    /** How RecordBatchWriter built a line before CopyLines (the reference). */
    private static String asStrings(String prefix, String suffix, RecordBatchWriter.SyncedRow r) {
        StringBuilder line = new StringBuilder();
        line.append(prefix).append(r.id()).append(",\"");
        JsonStringEncoder enc = JsonStringEncoder.getInstance();
        StringBuilder json = new StringBuilder().append('{');
        for (int i = 0; i < r.columns().size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"');
            enc.quoteAsString(r.columns().get(i), json);
            json.append("\":");
            String v = r.values()[i];
            if (v == null) {
                json.append("null");
            } else {
                json.append('"');
                enc.quoteAsString(v, json);
                json.append('"');
            }
        }
        json.append('}');
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            line.append(ch == '"' ? "\"\"" : String.valueOf(ch));
        }
        line.append("\",").append(r.deleted()).append(',');
        Modstamps.append(line, r.systemModstamp()); // the same instant as Instant.toString (ModstampsTest), always with millis
        return line.append(suffix).append('\n').toString();
    }
}
