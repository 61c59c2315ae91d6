package dev.crosswalk.emulator.seed;

import java.net.IDN;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An independent, test-only normalizer: messy website or email → canonical registrable domain.
 * It knows nothing of how the generator renders; it does what a matching engine would.
 */
final class DomainKeys {
    private static final List<String> SUFFIXES = List.of("com", "io", "net", "co", "co.uk", "de", "fr", "com.au",
            "co.jp", "nl", "ca", "ch", "es", "se", "it", "com.br", "co.in").stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    static final List<String> PERSONAL = List.of("gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com");

    private DomainKeys() {
    }

    static Optional<String> fromWebsite(String website) {
        if (website == null) {
            return Optional.empty();
        }
        String s = website.trim().toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int end = s.length();
        for (char c : new char[] {'/', '?', '#', ':'}) {
            int i = s.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return registrable(s.substring(0, end));
    }

    static Optional<String> fromEmail(String email) {
        if (email == null || !email.contains("@")) {
            return Optional.empty();
        }
        Optional<String> domain = registrable(email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT));
        return domain.filter(d -> !PERSONAL.contains(d));
    }

    private static Optional<String> registrable(String host) {
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!host.contains(".")) {
            return Optional.empty();
        }
        String unicode = IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED);
        for (String suffix : SUFFIXES) {
            if (unicode.endsWith("." + suffix)) {
                String rest = unicode.substring(0, unicode.length() - suffix.length() - 1);
                String label = rest.substring(rest.lastIndexOf('.') + 1);
                return label.isEmpty() ? Optional.empty() : Optional.of(label + "." + suffix);
            }
        }
        return Optional.empty();
    }
}
