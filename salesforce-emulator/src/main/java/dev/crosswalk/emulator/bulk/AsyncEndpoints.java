package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Handler;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.EffectiveAccess;
import dev.crosswalk.emulator.security.PermissionService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP routes of Bulk API 1.0, {@code /services/async/{version}/job…}: the session comes in
 * {@code X-SFDC-Session} (a bearer token is accepted too), the version has no {@code v}
 * ({@code /services/async/50.0/job}), and every failure is a Bulk API 1.0 {@code error}, never the
 * REST error list. Calls count toward the daily API allocation like REST calls.
 */
final class AsyncEndpoints {
    private static final String BASE = "/services/async/{asyncVersion}/job";
    private static final Pattern VERSION = Pattern.compile("(\\d{2})\\.0");
    /** Objects Salesforce PK-chunks besides custom objects. */
    private static final Set<String> PK_CHUNKABLE = Set.of("account", "campaign", "campaignmember", "case", "contact",
            "lead", "loginhistory", "opportunity", "task", "user");
    /** Salesforce's limit of one batch's request body: 10 MB. */
    private static final int MAX_BATCH_BYTES = 10_000_000;

    private final AsyncJobs jobs;
    private final PermissionService permissions;
    private final ApiGate gate;
    private final EmulatorOptions options;

    AsyncEndpoints(AsyncJobs jobs, PermissionService permissions, ApiGate gate, EmulatorOptions options) {
        this.jobs = jobs;
        this.permissions = permissions;
        this.gate = gate;
        this.options = options;
    }

    void register(Router router) {
        router.post(BASE, guard(this::create));
        router.get(BASE + "/{jobId}", guard(r -> AsyncOutput.jobInfo(format(job(r)), 200, job(r).info())));
        router.post(BASE + "/{jobId}", guard(this::changeState));
        router.post(BASE + "/{jobId}/batch", guard(this::addBatch));
        router.get(BASE + "/{jobId}/batch", guard(r -> AsyncOutput.batchInfoList(format(job(r)),
                job(r).batches().stream().map(AsyncBatch::info).toList())));
        router.get(BASE + "/{jobId}/batch/{batchId}", guard(r -> AsyncOutput.batchInfo(format(job(r)), 200,
                batch(r).info())));
        router.get(BASE + "/{jobId}/batch/{batchId}/request", guard(this::request));
        router.get(BASE + "/{jobId}/batch/{batchId}/result", guard(this::results));
        router.get(BASE + "/{jobId}/batch/{batchId}/result/{resultId}", guard(this::queryResult));
    }

    /**
     * The API gate's checks in Bulk API 1.0's shapes: an invalid session is 400 {@code InvalidSessionId}
     * (what jsforce and Data Loader detect to log in again), API access off is {@code FeatureNotEnabled},
     * an exhausted allocation {@code ExceededQuota}.
     */
    private Handler guard(Handler handler) {
        return req -> {
            try {
                req.apiVersion(version(req.pathVar("asyncVersion")));
                String token = req.header("X-SFDC-Session");
                Session session;
                try {
                    session = gate.admit(req, token != null && !token.isBlank() ? token.trim() : ApiGate.bearer(req));
                } catch (ApiException e) {
                    throw switch (e.errorCode()) {
                        case "INVALID_SESSION_ID" -> AsyncError.of("InvalidSessionId", "Invalid session id");
                        default -> AsyncError.of("FeatureNotEnabled", e.getMessage());
                    };
                }
                if (!session.org().apiUsage().tryConsume()) {
                    return AsyncOutput.error(requestFormat(req), AsyncError.of("ExceededQuota", "TotalRequests Limit exceeded."))
                            .header("Sforce-Limit-Info", session.org().apiUsage().header());
                }
                Response response;
                try {
                    response = handler.handle(req);
                } catch (AsyncError e) {
                    response = AsyncOutput.error(errorFormat(req), e);
                }
                return response.header("Sforce-Limit-Info", session.org().apiUsage().header());
            } catch (AsyncError e) {
                return AsyncOutput.error(requestFormat(req), e);
            }
        };
    }

    private String version(String segment) {
        Matcher m = segment == null ? null : VERSION.matcher(segment);
        if (m == null || !m.matches()) {
            throw new AsyncError(404, "InvalidVersion", "Invalid API version: " + segment);
        }
        int v = Integer.parseInt(m.group(1));
        if (v < options.minApiVersion() || v > options.maxApiVersion()) {
            throw new AsyncError(404, "InvalidVersion", "Unsupported API version: " + segment);
        }
        return v + ".0";
    }

    private Response create(Request req) {
        boolean json = isJson(req.header("Content-Type"));
        AsyncOutput.Format format = json ? AsyncOutput.Format.JSON : AsyncOutput.Format.XML;
        Map<String, String> body = AsyncInput.jobInfo(req.body(), json);
        Session s = req.session();
        AsyncJob.Operation operation = AsyncJob.Operation.parse(body.get("operation"));
        String objectName = body.get("object");
        if (objectName == null || objectName.isBlank()) {
            throw AsyncError.invalidJob("The object is required");
        }
        AsyncJob.ContentType contentType = AsyncJob.ContentType.parse(body.get("contentType"));
        String concurrency = body.getOrDefault("concurrencyMode", "Parallel");
        if (concurrency == null || !(concurrency.equals("Parallel") || concurrency.equals("Serial"))) {
            throw AsyncError.invalidJob("Invalid concurrencyMode: " + concurrency);
        }
        EffectiveAccess access = permissions.access(s.org(), s.userId());
        SObjectType type = s.org().type(objectName).filter(access::canRead)
                .orElseThrow(() -> AsyncError.invalidJob("Unable to find object: " + objectName));
        String externalId = null;
        if (operation == AsyncJob.Operation.upsert) {
            String requested = body.get("externalIdFieldName");
            if (requested == null || requested.isBlank()) {
                throw AsyncError.invalidJob("External ID was blank for " + type.name()
                        + ". An External ID must be specified for upsert.");
            }
            FieldDef field = type.field(requested).filter(f -> f.idLookup() && access.canReadField(type, f))
                    .orElseThrow(() -> AsyncError.invalidJob("Field name provided, " + requested + " does not match an"
                            + " External ID, Salesforce Id, or indexed field for " + type.name()));
            externalId = field.name();
        }
        if (operation == AsyncJob.Operation.hardDelete && !access.has("PermissionsBulkApiHardDelete")) {
            throw AsyncError.invalidJob("hardDelete needs the Bulk API Hard Delete permission");
        }
        int chunkSize = operation.isQuery() ? pkChunkSize(req.header("Sforce-Enable-PKChunking")) : 0;
        if (chunkSize > 0 && !type.name().endsWith("__c") && !PK_CHUNKABLE.contains(type.name().toLowerCase(Locale.ROOT))) {
            throw AsyncError.invalidJob("PK chunking is not supported for object: " + type.name());
        }
        AsyncJob job = jobs.create(s.org(), s.userId(), operation, type.name(), externalId, concurrency, contentType,
                req.apiVersion(), chunkSize);
        return AsyncOutput.jobInfo(format, 201, job.info());
    }

    /** {@code true} (100,000), {@code false}, or {@code chunkSize=N[; parent=…; startRow=…]} with N at most 250,000. */
    static int pkChunkSize(String header) {
        if (header == null || header.isBlank() || header.trim().equalsIgnoreCase("false")) {
            return 0;
        }
        if (header.trim().equalsIgnoreCase("true")) {
            return AsyncJobs.DEFAULT_CHUNK;
        }
        int size = AsyncJobs.DEFAULT_CHUNK;
        for (String part : header.split(";")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("chunkSize")) {
                try {
                    size = Integer.parseInt(kv[1].trim());
                } catch (NumberFormatException e) {
                    size = -1;
                }
                if (size < 1 || size > AsyncJobs.MAX_CHUNK) {
                    throw AsyncError.invalidJob("Invalid chunkSize: " + kv[1].trim()
                            + ". It must be a whole number from 1 to " + AsyncJobs.MAX_CHUNK);
                }
            }
        }
        return size;
    }

    private Response changeState(Request req) {
        AsyncJob job = job(req);
        String state = AsyncInput.jobInfo(req.body(), isJson(req.header("Content-Type"))).get("state");
        if ("Closed".equals(state)) {
            job.close(req.session().org().clock().instant());
        } else if ("Aborted".equals(state)) {
            job.abort(req.session().org().clock().instant());
        } else {
            throw AsyncError.invalidJobState("Invalid state: " + state + ". A job can be set to Closed or Aborted");
        }
        return AsyncOutput.jobInfo(format(job), 200, job.info());
    }

    private Response addBatch(Request req) {
        AsyncJob job = job(req);
        String contentType = req.header("Content-Type");
        if (contentType != null && !contentType.isBlank() && !mediaType(contentType).equals(job.contentType().mediaType())
                && !(job.contentType() == AsyncJob.ContentType.XML && mediaType(contentType).equals("text/xml"))) {
            throw AsyncError.invalidBatch("Content type of the batch (" + mediaType(contentType)
                    + ") does not match the job's content type (" + job.contentType().mediaType() + ")");
        }
        byte[] body;
        try {
            body = req.bodyStream().readNBytes(MAX_BATCH_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > MAX_BATCH_BYTES) {
            throw AsyncError.invalidBatch("Batch size exceeds the limit of " + MAX_BATCH_BYTES + " bytes");
        }
        return AsyncOutput.batchInfo(format(job), 201, jobs.addBatch(job, body, job.contentType().mediaType()));
    }

    private Response request(Request req) {
        AsyncJob job = job(req);
        AsyncBatch batch = batch(req);
        String type = job.operation().isQuery() ? "text/plain; charset=UTF-8" : batch.requestContentType();
        return Response.bytes(200, type, batch.request());
    }

    private Response results(Request req) {
        AsyncJob job = job(req);
        AsyncBatch batch = batch(req);
        if (batch.state() != AsyncBatch.State.Completed) {
            throw AsyncError.invalidBatch("Batch not completed");
        }
        if (job.operation().isQuery()) {
            return AsyncOutput.resultList(format(job), List.of(batch.resultId()));
        }
        return AsyncOutput.results(job.contentType(), batch.results());
    }

    private Response queryResult(Request req) {
        AsyncJob job = job(req);
        AsyncBatch batch = batch(req);
        if (!job.operation().isQuery() || batch.state() != AsyncBatch.State.Completed
                || !req.pathVar("resultId").equals(batch.resultId())
                        && !req.pathVar("resultId").equals(batch.resultId().substring(0, 15))) {
            throw AsyncError.invalidBatch("Unable to find result for id: " + req.pathVar("resultId"));
        }
        return AsyncOutput.queryResult(job, batch);
    }

    private AsyncJob job(Request req) {
        return jobs.get(req.session().org(), req.pathVar("jobId"));
    }

    private AsyncBatch batch(Request req) {
        return job(req).batch(req.pathVar("batchId"));
    }

    private static AsyncOutput.Format format(AsyncJob job) {
        return job.contentType() == AsyncJob.ContentType.JSON ? AsyncOutput.Format.JSON : AsyncOutput.Format.XML;
    }

    /** Errors of a job's routes come in the job's format; others in the request's. */
    private AsyncOutput.Format errorFormat(Request req) {
        if (req.session() != null && req.pathVar("jobId") != null) {
            try {
                return format(job(req));
            } catch (AsyncError e) {
                // unknown job: the request's format
            }
        }
        return requestFormat(req);
    }

    private static AsyncOutput.Format requestFormat(Request req) {
        return isJson(req.header("Content-Type")) || isJson(req.header("Accept")) ? AsyncOutput.Format.JSON
                : AsyncOutput.Format.XML;
    }

    private static boolean isJson(String mediaType) {
        return mediaType != null && mediaType.toLowerCase(Locale.ROOT).contains("json");
    }

    private static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
