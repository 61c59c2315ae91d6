package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.data.ValueCoercer;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /sobjects/{type}/updated?start=&end=} and {@code …/deleted?start=&end=} (getUpdated /
 * getDeleted): ids changed or deleted in a window, by {@code SystemModstamp}. The window is
 * covered to the minute, as in Salesforce, may span at most 30 days, must start within the last 30
 * days, and may hold at most 600,000 ids ({@code EXCEEDED_ID_LIMIT}).
 */
final class ChangedRecordsRoutes {
    private static final long MAX_WINDOW_DAYS = 30;
    /** getUpdated / getDeleted answer at most 600,000 ids per call. */
    static final int MAX_IDS = 600_000;

    private final EmulatorState state;

    private ChangedRecordsRoutes(EmulatorState state) {
        this.state = state;
    }

    /** Registered before {@code /sobjects/{type}/{id}}, whose id segment would otherwise take them. */
    static void register(Router router, EmulatorState state, ApiGate gate) {
        ChangedRecordsRoutes r = new ChangedRecordsRoutes(state);
        router.get("/services/data/{version}/sobjects/{type}/updated", gate.protect(req -> r.changed(req, false)));
        router.get("/services/data/{version}/sobjects/{type}/deleted", gate.protect(req -> r.changed(req, true)));
    }

    private Response changed(Request req, boolean deleted) {
        SObjectType t = SObjectRoutes.visibleType(state, req, req.pathVar("type"));
        Instant start = instant(req, "start");
        Instant end = instant(req, "end");
        if (!end.isAfter(start)) {
            throw ApiException.badRequest("INVALID_REPLICATION_DATE", "startDate must chronologically precede endDate by more than one minute");
        }
        if (start.isBefore(state.clock().instant().minus(MAX_WINDOW_DAYS, ChronoUnit.DAYS))) {
            throw ApiException.badRequest("INVALID_REPLICATION_DATE", "startDate cannot be more than " + MAX_WINDOW_DAYS
                    + " days ago");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_WINDOW_DAYS) {
            throw ApiException.badRequest("EXCEEDED_ID_LIMIT", "Exceeded maximum replication time window of " + MAX_WINDOW_DAYS + " days");
        }
        // Salesforce covers whole minutes: [start rounded down, end rounded down).
        Instant from = start.truncatedTo(ChronoUnit.MINUTES);
        Instant until = end.truncatedTo(ChronoUnit.MINUTES);
        Org org = req.session().org();
        return org.read(() -> {
            ObjectNode out = Json.object();
            ArrayNode list = out.putArray(deleted ? "deletedRecords" : "ids");
            Instant earliest = null;
            for (Record r : org.store(t).all()) {
                Instant stamp = (Instant) r.get(t.require("SystemModstamp"));
                if (stamp == null || RecordLifecycle.isDeleted(t, r) != deleted) {
                    continue;
                }
                if (deleted && (earliest == null || stamp.isBefore(earliest))) {
                    earliest = stamp;
                }
                if (stamp.isBefore(from) || !stamp.isBefore(until)) {
                    continue;
                }
                if (list.size() >= MAX_IDS) {
                    throw ApiException.badRequest("EXCEEDED_ID_LIMIT", "record limit reached. Narrow the date range ("
                            + MAX_IDS + " ids at most)");
                }
                if (deleted) {
                    ObjectNode d = list.addObject();
                    d.put("id", r.id());
                    d.put("deletedDate", RecordJson.datetime(stamp));
                } else {
                    list.add(r.id());
                }
            }
            if (deleted) {
                out.put("earliestDateAvailable", RecordJson.datetime(earliest == null ? from : earliest.truncatedTo(ChronoUnit.MINUTES)));
            }
            out.put("latestDateCovered", RecordJson.datetime(until));
            return Response.json(200, out);
        });
    }

    private static Instant instant(Request req, String name) {
        String v = req.query(name);
        if (v == null || v.isBlank()) {
            throw ApiException.badRequest("MISSING_ARGUMENT", "Missing required parameter: " + name);
        }
        Instant i = ValueCoercer.parseDateTime(v);
        if (i == null) {
            throw ApiException.badRequest("INVALID_REPLICATION_DATE", "Invalid value for " + name + ": " + v);
        }
        return i;
    }
}
