package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.CallKind;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One logical Salesforce call. {@code target} is a path relative to the instance URL
 * ({@code /services/data/v62.0/…}) or an absolute URL (identity URL); it is resolved and checked
 * against the allow-list on every attempt, because a refresh may change the instance URL.
 * The body is a supplier so that a replay after a refresh or a retry sends it again.
 */
public record ApiCall(String method, String target, Map<String, String> headers,
                      Supplier<HttpRequest.BodyPublisher> body, CallKind kind, boolean idempotent) {

    public ApiCall {
        Objects.requireNonNull(method);
        Objects.requireNonNull(target);
        headers = Map.copyOf(headers);
    }

    public static ApiCall get(CallKind kind, String target) {
        return new ApiCall("GET", target, Map.of("Accept", "application/json"), null, kind, true);
    }

    public static ApiCall delete(CallKind kind, String target) {
        return new ApiCall("DELETE", target, Map.of("Accept", "application/json"), null, kind, true);
    }

    public static ApiCall json(CallKind kind, String method, String target, Object body, boolean idempotent) {
        byte[] bytes = Json.bytes(body);
        return new ApiCall(method, target, Map.of("Content-Type", "application/json", "Accept", "application/json"),
                () -> HttpRequest.BodyPublishers.ofByteArray(bytes), kind, idempotent);
    }

    public ApiCall withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiCall(method, target, h, body, kind, idempotent);
    }
}
