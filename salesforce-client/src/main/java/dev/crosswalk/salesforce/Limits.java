package dev.crosswalk.salesforce;

import java.util.Map;
import java.util.Optional;

/** {@code GET /limits}: limit name → max/remaining. */
public record Limits(Map<String, Limit> values) {

    public record Limit(long max, long remaining) {
        public long used() {
            return max - remaining;
        }
    }

    public Optional<Limit> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Optional<Limit> dailyApiRequests() {
        return get("DailyApiRequests");
    }
}
