package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** HTTP routes of Bulk API 2.0 query jobs, {@code /services/data/vXX.X/jobs/query}. */
final class QueryJobEndpoints {
    private static final String BASE = "/services/data/{version}/jobs/query";

    private final QueryJobs jobs;
    private final QueryPlanner planner;
    private final BulkSettings settings;

    QueryJobEndpoints(QueryJobs jobs, QueryPlanner planner, BulkSettings settings) {
        this.jobs = jobs;
        this.planner = planner;
        this.settings = settings;
    }

    void register(Router router, ApiGate gate) {
        router.post(BASE, gate.protect(this::create));
        router.get(BASE, gate.protect(this::list));
        router.get(BASE + "/{jobId}/results", gate.protect(this::results));
        router.get(BASE + "/{jobId}", gate.protect(this::info));
        router.patch(BASE + "/{jobId}", gate.protect(this::abort));
        router.delete(BASE + "/{jobId}", gate.protect(this::delete));
    }

    private Response create(Request req) {
        BulkVersions.require(req, 47);
        JsonNode body = req.json();
        String operation = text(body, "operation");
        String query = text(body, "query");
        QueryJob.Operation op;
        if ("query".equals(operation)) {
            op = QueryJob.Operation.query;
        } else if ("queryAll".equals(operation)) {
            op = QueryJob.Operation.queryAll;
        } else if (operation == null) {
            throw BulkErrors.invalidJob("The operation is required: query or queryAll");
        } else {
            throw BulkErrors.invalidJob("Invalid operation for a query job: " + operation);
        }
        if (query == null || query.isBlank()) {
            throw BulkErrors.invalidJob("The query is required");
        }
        String contentType = text(body, "contentType");
        if (contentType != null && !contentType.equalsIgnoreCase("CSV")) {
            throw BulkErrors.invalidJob("Invalid content type: " + contentType + ". Only CSV is supported");
        }
        ColumnDelimiter delimiter = ColumnDelimiter.parse(text(body, "columnDelimiter"));
        LineEnding lineEnding = LineEnding.parse(text(body, "lineEnding"));
        Session s = req.session();
        QueryPlan plan = planner.plan(s.org(), s.userId(), query, op == QueryJob.Operation.queryAll);
        QueryJob job = jobs.create(s.org(), s.userId(), req.apiVersion(), op, delimiter, lineEnding, plan);
        // The state as created, whatever the runner did since: the client always sees UploadComplete first.
        ObjectNode info = json(job.info());
        info.put("state", JobState.UploadComplete.name());
        info.put("numberRecordsProcessed", 0);
        return Response.json(200, info);
    }

    private Response list(Request req) {
        BulkVersions.require(req, 47);
        Session s = req.session();
        List<QueryJob> all = jobs.list(s.org());
        return JobListing.page(req, "/services/data/v" + req.apiVersion() + "/jobs/query", all.size(),
                settings.jobListPageSize(), (from, to) -> {
                    ArrayNode records = Json.array();
                    all.subList(from, to).forEach(j -> records.add(json(j.info())));
                    return records;
                });
    }

    private Response info(Request req) {
        BulkVersions.require(req, 47);
        return Response.json(200, json(job(req).info()));
    }

    private Response abort(Request req) {
        BulkVersions.require(req, 47);
        QueryJob job = job(req);
        String state = text(req.json(), "state");
        if (!"Aborted".equals(state)) {
            throw BulkErrors.invalidJob("A query job can only be changed to state Aborted, not " + state);
        }
        jobs.abort(job);
        return Response.json(200, json(job.info()));
    }

    private Response delete(Request req) {
        BulkVersions.require(req, 47);
        jobs.delete(job(req));
        return Response.empty(204);
    }

    private Response results(Request req) {
        BulkVersions.require(req, 47);
        QueryJobs.Page page = jobs.page(job(req), req.apiVersion(), req.query("locator"), req.query("maxRecords"));
        return Response.stream(200, "text/csv; charset=UTF-8", out -> QueryJobs.write(page, out))
                .header("Sforce-Locator", page.nextLocator())
                .header("Sforce-NumberOfRecords", Integer.toString(page.count()));
    }

    private QueryJob job(Request req) {
        return jobs.get(req.session().org(), req.pathVar("jobId"));
    }

    static ObjectNode json(QueryJob.Info i) {
        ObjectNode n = Json.object();
        n.put("id", i.id());
        n.put("operation", i.operation().name());
        n.put("object", i.object());
        n.put("createdById", i.createdById());
        n.put("createdDate", JobDates.format(i.createdDate()));
        n.put("systemModstamp", JobDates.format(i.systemModstamp()));
        n.put("state", i.state().name());
        n.put("concurrencyMode", "Parallel");
        n.put("contentType", "CSV");
        n.put("apiVersion", Double.parseDouble(i.apiVersion()));
        n.put("jobType", "V2Query");
        n.put("lineEnding", i.lineEnding().name());
        n.put("columnDelimiter", i.columnDelimiter().name());
        n.put("numberRecordsProcessed", i.numberRecordsProcessed());
        n.put("retries", 0);
        n.put("totalProcessingTime", i.totalProcessingTime());
        n.put("isPkChunkingSupported", true);
        if (i.errorMessage() != null) {
            n.put("errorMessage", i.errorMessage());
        }
        return n;
    }

    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw BulkErrors.invalidJob("Invalid value for " + field + ": " + v);
        }
        return v.asString();
    }
}
