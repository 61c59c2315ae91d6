package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import java.util.function.BiFunction;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The paged job list of {@code GET /jobs/query} and {@code GET /jobs/ingest}:
 * {@code {"done", "records", "nextRecordsUrl"}}, the next page named by a {@code queryLocator}
 * parameter holding the offset.
 */
final class JobListing {
    private JobListing() {
    }

    static Response page(Request req, String path, int total, int pageSize, BiFunction<Integer, Integer, ArrayNode> records) {
        int from = 0;
        String locator = req.query("queryLocator");
        if (locator != null && !locator.isEmpty()) {
            try {
                from = Integer.parseInt(locator);
            } catch (NumberFormatException e) {
                from = -1;
            }
            if (from < 0 || from > total) {
                throw ApiException.badRequest("INVALID_QUERY_LOCATOR", "Invalid query locator: " + locator);
            }
        }
        int to = Math.min(total, from + pageSize);
        ObjectNode body = Json.object();
        body.put("done", to >= total);
        body.set("records", records.apply(from, to));
        if (to < total) {
            body.put("nextRecordsUrl", path + "?queryLocator=" + to);
        } else {
            body.putNull("nextRecordsUrl");
        }
        return Response.json(200, body);
    }
}
