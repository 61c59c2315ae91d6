package dev.crosswalk.app.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring's bearer token resolver with a fast path: a well-formed {@code Authorization: Bearer <b64token>} header
 * (RFC 6750's syntax, the one Spring's resolver matches with a case-insensitive regex) is read with a plain loop;
 * anything else, including a missing or malformed header, goes to Spring's {@link DefaultBearerTokenResolver}, so
 * what is refused, and how, is unchanged. The regex over a kilobyte of token was a visible share of the record-page
 * call (P6 profile).
 */
final class PackageBearerTokens implements BearerTokenResolver {
    private static final String BEARER = "Bearer ";

    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length()) && isB64Token(header, BEARER.length())) {
            return header.substring(BEARER.length());
        }
        return spring.resolve(request);
    }

    /** RFC 6750 {@code b64token} from {@code start} to the end: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    static boolean isB64Token(String s, int start) {
        int i = start;
        while (i < s.length() && tokenChar(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < s.length() && s.charAt(i) == '=') {
            i++;
        }
        return i == s.length();
    }

    private static boolean tokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
                || c == '+' || c == '/';
    }
}
