package dev.crosswalk.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.http.HttpServerHost;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardSchema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bulk routes dispatched in process with non-default settings (small upload limit, a processing delay). */
class InProcessBulkTest {
    private static final String V = "/services/data/v59.0";
    private EmulatorState state;
    private Router router;
    private Org org;
    private String token;
    private String userId;

    @BeforeEach
    void setUp() {
        state = new EmulatorState(EmulatorOptions.builder().build());
        router = new Router();
        BulkEndpoints.register(router, state, new ApiGate(state), BulkSettings.defaults()
                .withMaxUploadBytes(64).withProcessingDelay(Duration.ofMinutes(10)));
        org = state.createOrg("In Process");
        userId = state.createUser(org, new EmulatorState.NewUser("ip-" + System.nanoTime() + "@example.com", "I", "P",
                "ip@example.com", EmulatorState.PROFILE_ADMIN), "pw-123456");
        token = state.tokens().issueSession(org, userId, "test", Set.of("api"), null).token();
    }

    private Response call(String method, String path, String contentType, String body) {
        Map<String, String> headers = contentType == null ? Map.of("Authorization", "Bearer " + token)
                : Map.of("Authorization", "Bearer " + token, "Content-Type", contentType);
        return HttpServerHost.handle(router::dispatch, Request.of(method, path, null, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode json(Response r) {
        return Json.parse(r.body());
    }

    @Test
    void an_upload_over_the_size_limit_is_refused_with_a_clear_message_and_the_job_stays_open() {
        String id = json(call("POST", V + "/jobs/ingest", "application/json", "{\"object\":\"Account\",\"operation\":\"insert\"}"))
                .get("id").asString();
        Response tooBig = call("PUT", V + "/jobs/ingest/" + id + "/batches", "text/csv", "Name\n" + "x".repeat(100) + "\n");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.bodyAsString()).contains("larger than the limit of 64 bytes");
        Response fits = call("PUT", V + "/jobs/ingest/" + id + "/batches", "text/csv", "Name\nSmall\n");
        assertThat(fits.status()).isEqualTo(201);
        assertThat(json(call("GET", V + "/jobs/ingest/" + id, null, null)).get("state").asString()).isEqualTo("Open");
    }

    @Test
    void with_a_processing_delay_jobs_wait_in_upload_complete_and_results_are_not_yet_available() {
        JsonNode created = json(call("POST", V + "/jobs/query", "application/json",
                "{\"operation\":\"query\",\"query\":\"SELECT Id FROM Account\"}"));
        String id = created.get("id").asString();
        assertThat(json(call("GET", V + "/jobs/query/" + id, null, null)).get("state").asString()).isEqualTo("UploadComplete");
        Response early = call("GET", V + "/jobs/query/" + id + "/results", null, null);
        assertThat(early.status()).isEqualTo(412);
        Response abort = call("PATCH", V + "/jobs/query/" + id, "application/json", "{\"state\":\"Aborted\"}");
        assertThat(json(abort).get("state").asString()).isEqualTo("Aborted");
    }

    @Test
    void duplicate_external_ids_far_apart_in_one_file_both_fail_across_processing_chunks() throws Exception {
        SObjectType thing = org.addType(StandardSchema.withAudit(StandardSchema.newType("Thing__c", "Thing", "Things",
                org.nextCustomKeyPrefix(), SObjectType.AccessModel.CRUD)));
        thing.addField(FieldDef.builder("Ext__c", FieldType.STRING).externalId().unique().build());
        IngestJobs jobs = new IngestJobs(state.clock(), BulkSettings.defaults(),
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(), new JobIds(),
                new IngestProcessor(new dev.crosswalk.emulator.data.DataService(state), state.clock()));
        IngestJob job = jobs.create(org, userId, "59.0", IngestJob.Operation.upsert, "Thing__c", "Ext__c",
                ColumnDelimiter.COMMA, LineEnding.LF);
        StringBuilder csv = new StringBuilder("Ext__c\n");
        for (int i = 0; i < 450; i++) {
            csv.append(i == 400 ? "E-5" : "E-" + i).append('\n');
        }
        jobs.upload(job, new java.io.ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        jobs.changeState(job, "UploadComplete");
        assertThat(job.finished().get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(JobState.JobComplete);
        assertThat(job.info().processed()).isEqualTo(450);
        assertThat(job.info().failed()).isEqualTo(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IngestJobs.write(job, IngestJobs.ResultKind.FAILED, out);
        assertThat(out.toString(StandardCharsets.UTF_8).lines().skip(1))
                .containsExactly("\"\",\"DUPLICATE_EXTERNAL_ID:Duplicate external id specified: E-5:Ext__c --\",\"E-5\"",
                        "\"\",\"DUPLICATE_EXTERNAL_ID:Duplicate external id specified: E-5:Ext__c --\",\"E-5\"");
        assertThat(org.read(() -> org.store(thing).size())).isEqualTo(448);
    }
}
