package dev.crosswalk.salesforce.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded} and query strings. */
public final class Forms {

    private Forms() {
    }

    public static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String enc(String s) {
        // URLEncoder writes spaces as '+', which Salesforce accepts in form bodies and queries.
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
