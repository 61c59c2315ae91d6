package dev.crosswalk.salesforce.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes rows for Bulk ingest (RFC 4180, comma, LF): a value is quoted when it holds a comma,
 * quote, CR or LF, or starts/ends with whitespace (Salesforce does not trim, and whitespace next
 * to a quote is an error); quotes are doubled; null is an empty cell.
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    public static byte[] line(List<String> values) {
        StringBuilder sb = new StringBuilder(values.size() * 16);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendValue(sb, values.get(i));
        }
        sb.append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void appendValue(StringBuilder sb, String v) {
        if (v == null || v.isEmpty()) {
            return;
        }
        if (needsQuotes(v)) {
            sb.append('"');
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '"') {
                    sb.append('"');
                }
                sb.append(c);
            }
            sb.append('"');
        } else {
            sb.append(v);
        }
    }

    private static boolean needsQuotes(String v) {
        if (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))) {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
