package dev.crosswalk.app.overlap;

import dev.crosswalk.app.overlap.OverlapReports.GreenfieldRow;
import dev.crosswalk.app.overlap.OverlapReports.OverlapRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV form of the overlap lists: one header row, then one line per list row, written as the
 * rows come (nothing is collected). The partner's columns are exactly the fields the partner shares.
 * A value that a spreadsheet would run as a formula ({@code = + - @}, tab, return) gets a leading
 * apostrophe, as OWASP advises for CSV meant to be opened in Excel.
 */
public final class OverlapCsv {
    static final List<String> OVERLAP_COLUMNS = List.of("My record Id", "My object", "My record name", "Evidence", "Matched key",
            "Partner object");

    private OverlapCsv() {
    }

    /** Where the CSV goes, opened only once the list was allowed ({@code name} is the file's stem). */
    @FunctionalInterface
    public interface Target {
        OutputStream open(String name) throws IOException;
    }

    static Writer overlaps(OutputStream out, List<String> sharedFields) throws IOException {
        List<String> header = new ArrayList<>(OVERLAP_COLUMNS);
        sharedFields.forEach(f -> header.add("Partner " + f));
        return new Writer(out, header, sharedFields);
    }

    static Writer greenfield(OutputStream out, List<String> sharedFields) throws IOException {
        List<String> header = new ArrayList<>(List.of("Partner object"));
        sharedFields.forEach(f -> header.add("Partner " + f));
        return new Writer(out, header, sharedFields);
    }

    /** A cell as written: formula-looking values defused, null as empty. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    /** The line an overlap row becomes (the export test compares the API's rows through this). */
    public static List<String> line(OverlapRow r, List<String> sharedFields) {
        List<String> out = new ArrayList<>(List.of(r.mySfId(), r.myObject(), nullToEmpty(r.myName()), r.evidence().name(),
                nullToEmpty(r.matchedKey()), r.partnerObject()));
        sharedFields.forEach(f -> out.add(nullToEmpty(r.partnerFields().get(f))));
        return out.stream().map(OverlapCsv::cell).toList();
    }

    public static List<String> line(GreenfieldRow r, List<String> sharedFields) {
        List<String> out = new ArrayList<>(List.of(r.partnerObject()));
        sharedFields.forEach(f -> out.add(nullToEmpty(r.partnerFields().get(f))));
        return out.stream().map(OverlapCsv::cell).toList();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Writes rows as they come; closing flushes and closes the target. */
    static final class Writer implements AutoCloseable {
        private final CSVPrinter printer;
        private final List<String> sharedFields;
        private long rows;

        Writer(OutputStream out, List<String> header, List<String> sharedFields) throws IOException {
            this.printer = new CSVPrinter(new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024),
                    CSVFormat.RFC4180);
            this.sharedFields = sharedFields;
            printer.printRecord(header);
        }

        void overlap(OverlapRow r) {
            print(line(r, sharedFields));
        }

        void greenfield(GreenfieldRow r) {
            print(line(r, sharedFields));
        }

        private void print(List<String> line) {
            try {
                printer.printRecord(line);
                rows++;
            } catch (IOException e) {
                // The client went away mid-download: stop reading the cursor.
                throw new UncheckedIOException(e);
            }
        }

        long rows() {
            return rows;
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }
}
