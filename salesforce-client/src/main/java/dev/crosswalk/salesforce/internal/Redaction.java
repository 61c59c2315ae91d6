package dev.crosswalk.salesforce.internal;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Removes tokens from what we hand to listeners and put in messages. */
public final class Redaction {

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "cookie", "set-cookie");
    private static final Pattern SECRET_PARAMS = Pattern.compile(
            "(?i)((?:^|[?&])(?:access_token|refresh_token|token|oauth_token|code|code_verifier|client_secret|password|sid)=)[^&#]*");

    private Redaction() {
    }

    public static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (SECRET_HEADERS.contains(lower)) {
                out.put(name, values.stream().map(Redaction::authValue).toList());
            } else {
                out.put(name, List.copyOf(values));
            }
        });
        return out;
    }

    private static String authValue(String v) {
        int sp = v.indexOf(' ');
        return sp > 0 ? v.substring(0, sp) + " ***" : "***";
    }

    public static String url(String url) {
        return url == null ? null : SECRET_PARAMS.matcher(url).replaceAll("$1***");
    }
}
