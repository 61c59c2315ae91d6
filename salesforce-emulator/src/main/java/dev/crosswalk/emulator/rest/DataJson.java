package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.data.ApiError;
import dev.crosswalk.emulator.data.SaveResult;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Response;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How write results look on the wire: single-record REST answers with an HTTP status and
 * {@code [{"message","errorCode","fields"}]}, sObject Collections with per-record SaveResults
 * whose errors say {@code statusCode}.
 */
final class DataJson {
    static final String STATUS_OVERRIDE_PREFIX = "crosswalk.emulator.status.";
    private DataJson() {
    }

    /**
     * The HTTP status of a single-record failure. Salesforce answers most DML failures with 400;
     * a record that is gone is a missing resource (404). [Digest: ENTITY_IS_DELETED and
     * INSUFFICIENT_ACCESS_OR_READONLY statuses are UNCONFIRMED; these are the likeliest.]
     */
    static int httpStatus(ApiError e) {
        // Overridable per code for the statuses the digest could not confirm, e.g.
        // -Dcrosswalk.emulator.status.ENTITY_IS_DELETED=400
        Integer override = Integer.getInteger(STATUS_OVERRIDE_PREFIX + e.statusCode());
        if (override != null) {
            return override;
        }
        return switch (e.statusCode()) {
            case "NOT_FOUND", "ENTITY_IS_DELETED" -> 404;
            case "MULTIPLE_CHOICES" -> 300;
            default -> 400;
        };
    }

    static ApiException toException(ApiError e) {
        return ApiException.withFields(httpStatus(e), e.statusCode(), e.message(), e.fields());
    }

    /** The result of a single-record save, or its first error as the REST error a client sees. */
    static SaveResult orThrow(SaveResult result) {
        if (!result.success()) {
            throw toException(result.firstError());
        }
        return result;
    }

    /** {@code {"id","success","errors"[,"created"]}} as sObject Collections render it. */
    static ObjectNode collectionResult(SaveResult r, boolean withCreated) {
        ObjectNode n = Json.object();
        if (r.id() != null) {
            n.put("id", r.id());
        }
        n.put("success", r.success());
        ArrayNode errors = n.putArray("errors");
        for (ApiError e : r.errors()) {
            ObjectNode en = errors.addObject();
            en.put("statusCode", e.statusCode());
            en.put("message", e.message());
            ArrayNode fields = en.putArray("fields");
            e.fields().forEach(fields::add);
        }
        if (withCreated) {
            n.put("created", r.created());
        }
        return n;
    }

    static Response collectionResults(List<SaveResult> results, boolean withCreated) {
        ArrayNode arr = Json.array();
        results.forEach(r -> arr.add(collectionResult(r, withCreated)));
        return Response.json(200, arr);
    }

    /** The single-record success body {@code {"id","success":true,"errors":[]}} (+ {@code created} for upsert). */
    static ObjectNode singleSuccess(String id, Boolean created) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("success", true);
        n.putArray("errors");
        if (created != null) {
            n.put("created", created);
        }
        return n;
    }

    static String recordUrl(String apiVersion, String type, String id) {
        return "/services/data/v" + apiVersion + "/sobjects/" + type + "/" + id;
    }
}
