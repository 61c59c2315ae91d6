package dev.crosswalk.app.record;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Host names to ASCII. {@link IDN#toASCII} implements IDNA 2003, which maps the "deviation"
 * letters ß and ς to ss and σ: {@code straße.de} would become {@code strasse.de}, a different
 * registration. Registries (DENIC, EURid, …) and today's browsers follow IDNA 2008, where
 * {@code straße.de} is {@code xn--strae-oqa.de}; labels holding those letters are therefore
 * Punycode-encoded directly (RFC 3492), every other label goes through {@link IDN}.
 */
final class Idna {
    private static final int BASE = 36;
    private static final int TMIN = 1;
    private static final int TMAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;

    private Idna() {
    }

    /** @throws IllegalArgumentException when a label cannot be a host name label */
    static String toAscii(String host) {
        return isPlainAscii(host) ? host : throughIdn(host);
    }

    /**
     * The general conversion, right for any host; {@link #toAscii} skips it for the plain ASCII hosts it would return
     * unchanged (the fast path's test compares the two).
     *
     * @throws IllegalArgumentException when a label cannot be a host name label
     */
    static String throughIdn(String host) {
        if (host.indexOf('ß') < 0 && host.indexOf('ς') < 0) {
            return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(host.length() + 8);
        for (String label : host.split("\\.", -1)) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            if (label.indexOf('ß') >= 0 || label.indexOf('ς') >= 0) {
                String nfc = Normalizer.normalize(label.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
                String ascii = "xn--" + encode(nfc);
                if (ascii.length() > 63) {
                    throw new IllegalArgumentException("label too long");
                }
                out.append(ascii);
            } else {
                out.append(IDN.toASCII(label, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    /**
     * What {@link IDN#toASCII} returns unchanged: lower-case ASCII labels of 1 to 63 characters.
     * Nearly every host is like this, and IDN's own pass copies it through a StringBuffer per label.
     */
    static boolean isPlainAscii(String host) {
        int label = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                if (label == 0) {
                    return false;
                }
                label = 0;
            } else if (c >= 128 || (c >= 'A' && c <= 'Z') || ++label > 63) {
                return false;
            }
        }
        return label > 0;
    }

    /** RFC 3492 section 6.3: the Punycode of one label (without the {@code xn--} prefix). */
    static String encode(String label) {
        int[] cps = label.codePoints().toArray();
        StringBuilder out = new StringBuilder(cps.length + 8);
        for (int cp : cps) {
            if (cp < 0x80) {
                out.append((char) cp);
            }
        }
        int basic = out.length();
        int handled = basic;
        if (basic > 0) {
            out.append('-');
        }
        int n = INITIAL_N;
        long delta = 0;
        int bias = INITIAL_BIAS;
        while (handled < cps.length) {
            int m = Integer.MAX_VALUE;
            for (int cp : cps) {
                if (cp >= n && cp < m) {
                    m = cp;
                }
            }
            delta += (long) (m - n) * (handled + 1);
            n = m;
            for (int cp : cps) {
                if (cp < n) {
                    delta++;
                }
                if (cp == n) {
                    long q = delta;
                    for (int k = BASE; ; k += BASE) {
                        int t = k <= bias ? TMIN : Math.min(k - bias, TMAX);
                        if (q < t) {
                            break;
                        }
                        out.append(digit((int) (t + (q - t) % (BASE - t))));
                        q = (q - t) / (BASE - t);
                    }
                    out.append(digit((int) q));
                    bias = adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
            n++;
        }
        return out.toString();
    }

    private static int adapt(long delta, int points, boolean first) {
        delta = first ? delta / DAMP : delta / 2;
        delta += delta / points;
        int k = 0;
        while (delta > ((BASE - TMIN) * TMAX) / 2) {
            delta /= BASE - TMIN;
            k += BASE;
        }
        return (int) (k + (BASE - TMIN + 1) * delta / (delta + SKEW));
    }

    private static char digit(int d) {
        return (char) (d < 26 ? 'a' + d : '0' + d - 26);
    }
}
