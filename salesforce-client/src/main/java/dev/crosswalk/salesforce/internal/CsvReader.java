package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.CloseableIterator;
import dev.crosswalk.salesforce.Row;
import dev.crosswalk.salesforce.SalesforceError;
import dev.crosswalk.salesforce.SalesforceException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams a Bulk CSV body into {@link Row}s: one record in memory at a time. The first record is
 * the header. RFC 4180: quoted values may hold delimiters, doubled quotes and newlines.
 * {@link QuoteMode#ALL_NON_NULL} makes commons-csv return null for an unquoted empty cell and ""
 * for a quoted one, so callers can tell them apart.
 */
public final class CsvReader implements CloseableIterator<Row> {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setIgnoreEmptyLines(true)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private boolean closed;

    public CsvReader(InputStream in) {
        this(in, ',');
    }

    public CsvReader(InputStream in, char delimiter) {
        try {
            CSVFormat format = delimiter == ',' ? FORMAT : FORMAT.builder().setDelimiter(delimiter).get();
            this.parser = format.parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024));
            this.records = parser.iterator();
            if (records.hasNext()) {
                this.columns = List.of(Arrays.stream(records.next().values())
                        .map(v -> v == null ? "" : v).toArray(String[]::new));
            } else {
                this.columns = List.of();
            }
            this.index = Row.indexOf(columns);
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(in);
            throw new SalesforceException(SalesforceError.ioFailure("reading CSV failed"), e);
        }
    }

    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        try {
            boolean more = records.hasNext();
            if (!more) {
                close();
            }
            return more;
        } catch (UncheckedIOException e) {
            close();
            throw new SalesforceException(SalesforceError.ioFailure("reading CSV failed: "
                    + e.getCause().getClass().getSimpleName()), e);
        } catch (IllegalStateException e) {
            close();
            throw new SalesforceException(new SalesforceError.InvalidRequest(0, List.of(
                    dev.crosswalk.salesforce.ApiError.of("MALFORMED_CSV", "malformed CSV in response"))), e);
        }
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return new Row(index, columns, records.next().values());
    }

    /** Skips up to {@code n} rows (used to resume a page after a broken download). */
    public long skip(long n) {
        long skipped = 0;
        while (skipped < n && hasNext()) {
            records.next();
            skipped++;
        }
        return skipped;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                parser.close();
            } catch (IOException ignored) {
                // closing a half-read HTTP stream may fail; nothing to recover
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // ignore
        }
    }
}
