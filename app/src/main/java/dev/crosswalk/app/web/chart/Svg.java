package dev.crosswalk.app.web.chart;

/**
 * Finished SVG markup, safe to insert unescaped ({@code th:utext}): every text in it went through
 * {@link #text(String)}. Charts carry their own {@code <title>} and {@code <desc>} so screen readers
 * get a name and a summary, and use presentation attributes only (the CSP forbids inline styles).
 */
public record Svg(String markup) {

    @Override
    public String toString() {
        return markup;
    }

    /** XML-escapes text and attribute values (quotes included). */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0: dropped rather than breaking the page.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A label cut to {@code max} characters with an ellipsis (the full text goes into a {@code <title>}). */
    static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }

    /** Numbers without a locale: SVG coordinates always use a dot. */
    static String n(double v) {
        long r = Math.round(v * 10);
        return r % 10 == 0 ? Long.toString(r / 10) : Double.toString(r / 10.0);
    }
}
