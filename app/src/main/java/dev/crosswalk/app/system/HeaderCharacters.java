package dev.crosswalk.app.system;

import java.util.function.Predicate;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's header checks with a fast path. Spring's {@link StrictHttpFirewall} tests every header name and value
 * it hands out against a Unicode-property regex ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, values also allowing tab)
 * character by character; on the package API's bearer token (about a kilobyte, read by several filters) that was a
 * visible share of the record-page call (P6 profile). Printable ASCII passes those patterns by definition (every
 * character from space to tilde is assigned and not a control character), so such text is accepted with a plain loop;
 * anything else is decided by Spring's own predicate, so what the firewall refuses is unchanged.
 */
final class HeaderCharacters {
    private HeaderCharacters() {
    }

    /** Spring's default firewall with the fast path in front of its header name and value checks. */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(names());
        firewall.setAllowedHeaderValues(values());
        return firewall;
    }

    static Predicate<String> names() {
        return name -> printableAscii(name, false) || StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(name);
    }

    static Predicate<String> values() {
        return value -> printableAscii(value, true) || StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value);
    }

    /** Whether every character is printable ASCII (space to tilde), or a tab where {@code tab} allows it. */
    static boolean printableAscii(String s, boolean tab) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < ' ' || c > '~') && !(tab && c == '\t')) {
                return false;
            }
        }
        return true;
    }
}
