package dev.crosswalk.app.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * The bytes of a {@code COPY … (format csv)} of synced rows, one line per row: a fixed prefix, the id,
 * the fields as one JSON object in a quoted CSV cell, the deletion flag, the modstamp, a fixed suffix.
 *
 * <p>Written straight into a byte buffer: building each line as Strings (a JSON StringBuilder, a second
 * pass doubling its quotes for CSV, then {@code getBytes}) was 60% of the service's own CPU in a full
 * sync (JFR, issue 18), more than reading the download. Column names are encoded once per column list;
 * a value of printable ASCII without quote or backslash (almost every value) is copied as it is, and
 * anything else goes through Jackson's JSON escaping, then CSV's quote doubling, then UTF-8.
 */
final class CopyLines {
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final int FLUSH_AT = 1 << 16;

    private final OutputStream out;
    private final byte[] prefix;
    private final byte[] suffix;
    private byte[] buf = new byte[FLUSH_AT + 4096];
    private int len;
    private List<String> namesOf;
    /** Per column: {@code {""Name"":} for the first, {@code ,""Name"":} for the others. */
    private byte[][] names;
    private final StringBuilder text = new StringBuilder(64);

    CopyLines(OutputStream out, String prefix, String suffix) {
        this.out = out;
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
    }

    void add(RecordBatchWriter.SyncedRow r) throws IOException {
        bytes(prefix);
        utf8(r.id());
        ascii(",\"");
        List<String> columns = r.columns();
        if (columns != namesOf) {
            names = names(columns);
            namesOf = columns;
        }
        String[] values = r.values();
        if (columns.isEmpty()) {
            ascii("{");
        }
        for (int i = 0; i < names.length; i++) {
            bytes(names[i]);
            String v = values[i];
            if (v == null) {
                bytes(NULL);
            } else {
                jsonString(v);
            }
        }
        ascii("}\",");
        bytes(r.deleted() ? TRUE : FALSE);
        ascii(",");
        text.setLength(0);
        Modstamps.append(text, r.systemModstamp());
        ascii(text);
        bytes(suffix);
        ascii("\n");
        if (len >= FLUSH_AT) {
            flush();
        }
    }

    void flush() throws IOException {
        out.write(buf, 0, len);
        len = 0;
    }

    private static byte[][] names(List<String> columns) {
        byte[][] n = new byte[columns.size()][];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n.length; i++) {
            sb.setLength(0);
            sb.append(i == 0 ? '{' : ',');
            appendSlow(sb, columns.get(i));
            sb.append(':');
            n[i] = sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        return n;
    }

    /** A JSON string as it stands inside a quoted CSV cell: its quotes doubled. */
    private void jsonString(String s) {
        int n = s.length();
        ensure(n + 4);
        int start = len;
        buf[len++] = '"';
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                len = start;
                text.setLength(0);
                appendSlow(text, s);
                utf8(text);
                return;
            }
            buf[len++] = (byte) c;
        }
        buf[len++] = '"';
        buf[len++] = '"';
    }

    /** JSON-escaped by Jackson, then every quote doubled for CSV. */
    private static void appendSlow(StringBuilder sb, String s) {
        StringBuilder json = new StringBuilder(s.length() + 8);
        JsonStringEncoder.getInstance().quoteAsString(s, json);
        sb.append("\"\"");
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (ch == '"') {
                sb.append("\"\"");
            } else {
                sb.append(ch);
            }
        }
        sb.append("\"\"");
    }

    private void utf8(CharSequence s) {
        bytes(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Only for text known to be ASCII (fixed punctuation, digits). */
    private void ascii(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
