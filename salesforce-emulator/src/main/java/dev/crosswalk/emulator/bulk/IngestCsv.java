package dev.crosswalk.emulator.bulk;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one uploaded CSV of an ingest job: the header row of field names and the data rows, as
 * Salesforce's rules say (salesforce-api.md §7.4): the job's delimiter, quotes doubled inside quoted
 * values, newlines allowed inside quotes, UTF-8, values not trimmed.
 */
final class IngestCsv {

    /** A parsed upload. {@code rows} keep their raw cells; a row may have the wrong number of them. */
    record Parsed(List<String> header, List<List<String>> rows) {
    }

    /** The upload cannot be read at all: the whole job fails with this message. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private IngestCsv() {
    }

    static Parsed parse(byte[] data, ColumnDelimiter delimiter, LineEnding lineEnding) throws Unreadable {
        int skip = data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF ? 3 : 0;
        checkLineEnding(data, skip, lineEnding);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter.character())
                .setRecordSeparator(lineEnding.separator())
                .setIgnoreEmptyLines(true)
                .get();
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(data, skip, data.length - skip), StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                if (header == null) {
                    header = cells;
                } else {
                    rows.add(cells);
                }
            }
        } catch (UncheckedIOException | IOException e) {
            throw new Unreadable("ClientInputError : " + rootMessage(e));
        }
        if (header == null) {
            throw new Unreadable("InvalidBatch : The CSV data has no header row");
        }
        return new Parsed(header, rows);
    }

    /**
     * Salesforce refuses a file whose line breaks are not the job's {@code lineEnding}; the header
     * row's end tells which one the file uses.
     */
    private static void checkLineEnding(byte[] data, int from, LineEnding expected) throws Unreadable {
        boolean quoted = false;
        for (int i = from; i < data.length; i++) {
            byte b = data[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n' && !quoted) {
                boolean crlf = i > from && data[i - 1] == '\r';
                if (crlf != (expected == LineEnding.CRLF)) {
                    throw new Unreadable("ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is "
                            + expected.name());
                }
                return;
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
