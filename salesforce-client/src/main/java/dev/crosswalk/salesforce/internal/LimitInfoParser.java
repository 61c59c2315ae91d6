package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.LimitInfo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code Sforce-Limit-Info: api-usage=18/5000; per-app-api-usage=17/250(appName=x)}. */
public final class LimitInfoParser {

    public static final String HEADER = "Sforce-Limit-Info";

    // Anchored at a separator so that "per-app-api-usage=" is not taken for the org-wide value.
    private static final Pattern API_USAGE = Pattern.compile("(?:^|[;,\\s])api-usage=(\\d+)/(\\d+)");

    private LimitInfoParser() {
    }

    public static Optional<LimitInfo> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = API_USAGE.matcher(header.trim());
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LimitInfo(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
