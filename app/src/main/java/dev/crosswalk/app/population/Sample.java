package dev.crosswalk.app.population;

import java.util.Map;

/** One record a filter selects, as the preview shows it (the builder's sample rows). */
public record Sample(String sfId, String object, Map<String, String> fields) {
}
