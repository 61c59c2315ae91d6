package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.EffectiveAccess;
import dev.crosswalk.emulator.security.PermissionService;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** HTTP routes of Bulk API 2.0 ingest jobs, {@code /services/data/vXX.X/jobs/ingest}. */
final class IngestJobEndpoints {
    private static final String BASE = "/services/data/{version}/jobs/ingest";

    private final IngestJobs jobs;
    private final PermissionService permissions;
    private final BulkSettings settings;

    IngestJobEndpoints(IngestJobs jobs, PermissionService permissions, BulkSettings settings) {
        this.jobs = jobs;
        this.permissions = permissions;
        this.settings = settings;
    }

    void register(Router router, ApiGate gate) {
        router.post(BASE, gate.protect(this::create));
        router.get(BASE, gate.protect(this::list));
        router.put(BASE + "/{jobId}/batches", gate.protect(this::upload));
        router.get(BASE + "/{jobId}/successfulResults", gate.protect(r -> results(r, IngestJobs.ResultKind.SUCCESSFUL)));
        router.get(BASE + "/{jobId}/failedResults", gate.protect(r -> results(r, IngestJobs.ResultKind.FAILED)));
        router.get(BASE + "/{jobId}/unprocessedrecords", gate.protect(r -> results(r, IngestJobs.ResultKind.UNPROCESSED)));
        router.get(BASE + "/{jobId}", gate.protect(this::info));
        router.patch(BASE + "/{jobId}", gate.protect(this::changeState));
        router.delete(BASE + "/{jobId}", gate.protect(this::delete));
    }

    private Response create(Request req) {
        BulkVersions.require(req, 41);
        JsonNode body = req.json();
        Session s = req.session();
        String objectName = QueryJobEndpoints.text(body, "object");
        String operationName = QueryJobEndpoints.text(body, "operation");
        if (objectName == null || objectName.isBlank()) {
            throw BulkErrors.invalidJob("The object is required");
        }
        IngestJob.Operation operation = operation(operationName);
        String contentType = QueryJobEndpoints.text(body, "contentType");
        if (contentType != null && !contentType.equalsIgnoreCase("CSV")) {
            throw BulkErrors.invalidJob("Invalid content type: " + contentType + ". Only CSV is supported");
        }
        ColumnDelimiter delimiter = ColumnDelimiter.parse(QueryJobEndpoints.text(body, "columnDelimiter"));
        LineEnding lineEnding = LineEnding.parse(QueryJobEndpoints.text(body, "lineEnding"));
        EffectiveAccess access = permissions.access(s.org(), s.userId());
        SObjectType type = s.org().type(objectName).filter(access::canRead)
                .orElseThrow(() -> BulkErrors.invalidJob("Unable to find object: " + objectName));
        String requestedExternalId = QueryJobEndpoints.text(body, "externalIdFieldName");
        String externalId = null;
        if (operation == IngestJob.Operation.upsert) {
            if (requestedExternalId == null || requestedExternalId.isBlank()) {
                throw BulkErrors.invalidJob("The externalIdFieldName is required for an upsert job");
            }
            FieldDef field = type.field(requestedExternalId).filter(f -> f.idLookup() && access.canReadField(type, f))
                    .orElseThrow(() -> BulkErrors.invalidJob("The field " + requestedExternalId + " of " + type.name()
                            + " does not exist or is not an external ID field"));
            externalId = field.name();
        }
        if (operation == IngestJob.Operation.hardDelete && !access.has("PermissionsBulkApiHardDelete")) {
            throw BulkErrors.invalidJob("Hard delete needs the Bulk API Hard Delete permission");
        }
        IngestJob job = jobs.create(s.org(), s.userId(), req.apiVersion(), operation, type.name(), externalId, delimiter,
                lineEnding);
        return Response.json(200, json(job.info()));
    }

    private static IngestJob.Operation operation(String name) {
        if (name == null) {
            throw BulkErrors.invalidJob("The operation is required: insert, update, upsert, delete or hardDelete");
        }
        for (IngestJob.Operation op : IngestJob.Operation.values()) {
            if (op.name().equals(name)) {
                return op;
            }
        }
        throw BulkErrors.invalidJob("Invalid operation for an ingest job: " + name);
    }

    private Response list(Request req) {
        BulkVersions.require(req, 41);
        List<IngestJob> all = jobs.list(req.session().org());
        return JobListing.page(req, "/services/data/v" + req.apiVersion() + "/jobs/ingest", all.size(),
                settings.jobListPageSize(), (from, to) -> {
                    ArrayNode records = Json.array();
                    all.subList(from, to).forEach(j -> records.add(json(j.info())));
                    return records;
                });
    }

    private Response info(Request req) {
        BulkVersions.require(req, 41);
        return Response.json(200, json(job(req).info()));
    }

    private Response upload(Request req) {
        BulkVersions.require(req, 41);
        jobs.upload(job(req), req.bodyStream());
        return Response.empty(201);
    }

    private Response changeState(Request req) {
        BulkVersions.require(req, 41);
        IngestJob job = job(req);
        jobs.changeState(job, QueryJobEndpoints.text(req.json(), "state"));
        return Response.json(200, json(job.info()));
    }

    private Response delete(Request req) {
        BulkVersions.require(req, 41);
        jobs.delete(job(req));
        return Response.empty(204);
    }

    private Response results(Request req, IngestJobs.ResultKind kind) {
        BulkVersions.require(req, 41);
        IngestJob job = job(req);
        return Response.stream(200, "text/csv; charset=UTF-8", out -> IngestJobs.write(job, kind, out));
    }

    private IngestJob job(Request req) {
        return jobs.get(req.session().org(), req.pathVar("jobId"));
    }

    static ObjectNode json(IngestJob.Info i) {
        ObjectNode n = Json.object();
        n.put("id", i.id());
        n.put("operation", i.operation().name());
        n.put("object", i.object());
        if (i.externalIdFieldName() != null) {
            n.put("externalIdFieldName", i.externalIdFieldName());
        }
        n.put("createdById", i.createdById());
        n.put("createdDate", JobDates.format(i.createdDate()));
        n.put("systemModstamp", JobDates.format(i.systemModstamp()));
        n.put("state", i.state().name());
        n.put("concurrencyMode", "Parallel");
        n.put("contentType", "CSV");
        n.put("apiVersion", Double.parseDouble(i.apiVersion()));
        n.put("jobType", "V2Ingest");
        if (i.state() == JobState.Open) {
            n.put("contentUrl", "services/data/v" + i.apiVersion() + "/jobs/ingest/" + i.id() + "/batches");
        }
        n.put("lineEnding", i.lineEnding().name());
        n.put("columnDelimiter", i.columnDelimiter().name());
        n.put("numberRecordsProcessed", i.processed());
        n.put("numberRecordsFailed", i.failed());
        n.put("retries", 0);
        n.put("totalProcessingTime", i.totalProcessingTime());
        n.put("apiActiveProcessingTime", i.totalProcessingTime());
        n.put("apexProcessingTime", 0);
        if (i.errorMessage() != null) {
            n.put("errorMessage", i.errorMessage());
        }
        return n;
    }
}
