package dev.crosswalk.emulator.bulk;

import static dev.crosswalk.emulator.bulk.BulkHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bulk API 1.0 over HTTP: jobs and batches in CSV, JSON and XML, query jobs, PK chunking, its error shape. */
class AsyncJobsIT {
    private static final String A = "/services/async/59.0/job";
    private static final String NS = "http://www.force.com/2009/06/asyncapi/dataload";
    private static BulkHttp sf;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sf = new BulkHttp();
        SObjectType thing = sf.org.addType(StandardSchema.withAudit(StandardSchema.newType("Widget__c", "Widget",
                "Widgets", sf.org.nextCustomKeyPrefix(), SObjectType.AccessModel.CRUD)));
        thing.addField(FieldDef.builder("Name", FieldType.STRING).nameField().build());
        thing.addField(FieldDef.builder("Ext__c", FieldType.STRING).externalId().unique().build());
        thing.addField(FieldDef.builder("Size__c", FieldType.INT).build());
    }

    @AfterAll
    static void stop() {
        sf.close();
    }

    private static HttpResponse<String> call(String method, String path, String contentType, String body,
            Map<String, String> headers, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sf.sf.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("X-SFDC-Session", session).header("Content-Type", contentType);
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> jsonCall(String method, String path, String body) throws Exception {
        return call(method, path, "application/json", body, Map.of(), sf.token);
    }

    private static String createJsonJob(String job, Map<String, String> headers) throws Exception {
        HttpResponse<String> r = call("POST", A, "application/json", job, headers, sf.token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).get("state").asString()).isEqualTo("Open");
        return json(r).get("id").asString();
    }

    /** Polls the job's batch list until no batch is Queued or InProgress (and at least {@code min} exist). */
    private static List<JsonNode> awaitBatches(String jobId, int min) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<JsonNode> batches = new ArrayList<>();
            json(jsonCall("GET", A + "/" + jobId + "/batch", null)).get("batchInfo").forEach(batches::add);
            boolean done = batches.size() >= min && batches.stream().map(b -> b.get("state").asString())
                    .noneMatch(s -> s.equals("Queued") || s.equals("InProgress"));
            if (done) {
                return batches;
            }
            assertThat(System.nanoTime()).as("batches of " + jobId + " finish").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aCsvInsertBatchReportsOneResultRowPerInputRowInOrder() throws Exception {
        HttpResponse<String> created = call("POST", A, "application/xml",
                "<jobInfo xmlns=\"" + NS + "\"><operation>insert</operation><object>Widget__c</object>"
                        + "<contentType>CSV</contentType></jobInfo>", Map.of(), sf.token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("<jobInfo xmlns=\"" + NS + "\"", "<state>Open</state>",
                "<contentType>CSV</contentType>", "<apiVersion>59.0</apiVersion>");
        String jobId = created.body().replaceAll("(?s).*?<id>([^<]+)</id>.*", "$1");
        HttpResponse<String> batch = call("POST", A + "/" + jobId + "/batch", "text/csv",
                "Name,Ext__c,Size__c\r\nOne,c-1,1\r\nTwo,c-2,2.5\r\nThree,c-3,x\r\n", Map.of(), sf.token);
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(201);
        assertThat(batch.body()).contains("<state>Queued</state>");
        String batchId = batch.body().replaceAll("(?s).*?<id>([^<]+)</id>.*", "$1");

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String info;
        do {
            assertThat(System.nanoTime()).as("the batch completes").isLessThan(deadline);
            Thread.sleep(20);
            info = call("GET", A + "/" + jobId + "/batch/" + batchId, "text/csv", null, Map.of(), sf.token).body();
        } while (info.contains("<state>Queued</state>") || info.contains("<state>InProgress</state>"));
        assertThat(info).as("a CSV job's batch info is XML").contains("<batchInfo xmlns=\"" + NS + "\"",
                "<state>Completed</state>", "<numberRecordsProcessed>3</numberRecordsProcessed>",
                "<numberRecordsFailed>2</numberRecordsFailed>");
        HttpResponse<String> results = call("GET", A + "/" + jobId + "/batch/" + batchId + "/result", "text/csv", null,
                Map.of(), sf.token);
        String[] lines = results.body().split("\n");
        assertThat(lines[0]).isEqualTo("\"Id\",\"Success\",\"Created\",\"Error\"");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).matches("\"[a-zA-Z0-9]{18}\",\"true\",\"true\",\"\"");
        assertThat(lines[2]).startsWith("\"\",\"false\",\"false\",\"INVALID_TYPE_ON_FIELD_IN_RECORD:").endsWith(":Size__c --\"");
        assertThat(lines[3]).contains("\"false\"", "INVALID_TYPE_ON_FIELD_IN_RECORD");
        String id = lines[1].substring(1, 19);
        assertThat(sf.org.read(() -> sf.org.store("Widget__c").get(id))).as("the inserted row is stored").isNotNull();
    }

    @Test
    void aJsonUpsertBatchFailsEveryRowOfAnExternalIdGivenTwice() throws Exception {
        String jobId = createJsonJob("{\"operation\":\"upsert\",\"object\":\"Widget__c\",\"externalIdFieldName\":"
                + "\"Ext__c\",\"contentType\":\"JSON\"}", Map.of());
        HttpResponse<String> batch = jsonCall("POST", A + "/" + jobId + "/batch",
                "[{\"Ext__c\":\"u-1\",\"Name\":\"A\"},{\"Ext__c\":\"u-2\",\"Name\":\"B\"},{\"Ext__c\":\"U-2\",\"Name\":\"C\"}]");
        String batchId = json(batch).get("id").asString();
        awaitBatches(jobId, 1);
        JsonNode results = json(jsonCall("GET", A + "/" + jobId + "/batch/" + batchId + "/result", null));
        assertThat(results.get(0).get("success").asBoolean()).isTrue();
        assertThat(results.get(0).get("created").asBoolean()).isTrue();
        assertThat(results.get(1).get("errors").get(0).get("statusCode").asString()).isEqualTo("DUPLICATE_EXTERNAL_ID");
        assertThat(results.get(2).get("success").asBoolean()).isFalse();
        JsonNode job = json(jsonCall("GET", A + "/" + jobId, null));
        assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(3);
        assertThat(job.get("numberRecordsFailed").asInt()).isEqualTo(2);
        assertThat(job.get("numberBatchesCompleted").asInt()).isEqualTo(1);
    }

    @Test
    void pkChunkingSplitsAQueryIntoIdRangesAndLeavesTheOriginalBatchNotProcessed() throws Exception {
        String chunkJob = createJsonJob("{\"operation\":\"insert\",\"object\":\"Account\",\"contentType\":\"JSON\"}", Map.of());
        String rows = IntStream.range(0, 25).mapToObj(i -> "{\"Name\":\"Chunked " + i + "\"}")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        jsonCall("POST", A + "/" + chunkJob + "/batch", "[" + rows + "]");
        awaitBatches(chunkJob, 1);

        String jobId = createJsonJob("{\"operation\":\"query\",\"object\":\"Account\",\"contentType\":\"JSON\"}",
                Map.of("Sforce-Enable-PKChunking", "chunkSize=10"));
        String original = json(jsonCall("POST", A + "/" + jobId + "/batch",
                "SELECT Id, Name FROM Account WHERE Name LIKE 'Chunked%'")).get("id").asString();
        List<JsonNode> batches = awaitBatches(jobId, 4);
        assertThat(batches.get(0).get("id").asString()).isEqualTo(original);
        assertThat(batches.get(0).get("state").asString()).isEqualTo("NotProcessed");
        assertThat(batches.subList(1, 4)).allSatisfy(b -> assertThat(b.get("state").asString()).isEqualTo("Completed"));
        assertThat(batches.subList(1, 4).stream().map(b -> b.get("numberRecordsProcessed").asInt()))
                .containsExactly(10, 10, 5);
        int total = 0;
        for (JsonNode b : batches.subList(1, 4)) {
            String path = A + "/" + jobId + "/batch/" + b.get("id").asString() + "/result";
            String resultId = json(jsonCall("GET", path, null)).get(0).asString();
            total += json(jsonCall("GET", path + "/" + resultId, null)).size();
        }
        assertThat(total).isEqualTo(25);
    }

    @Test
    void errorsComeInBulkApiShapeWithStatus400() throws Exception {
        HttpResponse<String> bad = call("GET", A + "/750000000000001AAA", "application/xml", null, Map.of(), "nope");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("<error xmlns=\"" + NS + "\"", "<exceptionCode>InvalidSessionId</exceptionCode>");

        HttpResponse<String> unknown = jsonCall("GET", A + "/750000000000001AAA", null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("exceptionCode").asString()).isEqualTo("InvalidJob");

        HttpResponse<String> chunk = call("POST", A, "application/json",
                "{\"operation\":\"query\",\"object\":\"Account\",\"contentType\":\"CSV\"}",
                Map.of("Sforce-Enable-PKChunking", "chunkSize=250001"), sf.token);
        assertThat(json(chunk).get("exceptionMessage").asString()).startsWith("Invalid chunkSize");

        String jobId = createJsonJob("{\"operation\":\"insert\",\"object\":\"Widget__c\",\"contentType\":\"JSON\"}", Map.of());
        jsonCall("POST", A + "/" + jobId, "{\"state\":\"Closed\"}");
        HttpResponse<String> late = jsonCall("POST", A + "/" + jobId + "/batch", "[]");
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(json(late).get("exceptionCode").asString()).isEqualTo("InvalidJobState");
    }
}
