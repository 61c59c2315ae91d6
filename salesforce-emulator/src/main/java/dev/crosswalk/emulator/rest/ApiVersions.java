package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.http.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Salesforce API versions and their release names. Three releases a year, each bumping the
 * version by one: v20.0 was Winter '11, v59.0 Winter '24, v60.0 Spring '24, v61.0 Summer '24.
 */
final class ApiVersions {
    private static final String[] SEASONS = {"Winter", "Spring", "Summer"};
    private static final int ANCHOR_VERSION = 59;
    private static final int ANCHOR_YEAR = 24;

    private ApiVersions() {
    }

    /** {@code Winter '24} for 59. */
    static String label(int version) {
        int offset = version - ANCHOR_VERSION;
        String season = SEASONS[Math.floorMod(offset, 3)];
        int year = Math.floorMod(ANCHOR_YEAR + Math.floorDiv(offset, 3), 100);
        return season + " '" + String.format("%02d", year);
    }

    /** {@code [{"label": "Winter '24", "url": "/services/data/v59.0", "version": "59.0"}, …]}, oldest first. */
    static ArrayNode list(int min, int max) {
        ArrayNode out = Json.array();
        for (int v = min; v <= max; v++) {
            ObjectNode n = out.addObject();
            n.put("label", label(v));
            n.put("url", "/services/data/v" + v + ".0");
            n.put("version", v + ".0");
        }
        return out;
    }
}
