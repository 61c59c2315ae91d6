package dev.crosswalk.salesforce;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metadata of one HTTP call, for {@link CallListener}s. Never holds a token: the
 * {@code Authorization} header is shown as {@code Bearer ***}, token-like query parameters are
 * replaced by {@code ***}, and bodies are not included.
 *
 * @param status HTTP status, or 0 when no response arrived (then {@code failure} says why)
 */
public record CallEvent(CallKind kind, String method, String url, int status, Duration elapsed, int attempt,
                        Map<String, List<String>> requestHeaders, Optional<LimitInfo> limitInfo,
                        Optional<String> failure) {
}
