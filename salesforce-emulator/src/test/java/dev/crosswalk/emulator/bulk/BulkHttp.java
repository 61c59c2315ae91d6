package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.model.Org;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A running emulator with one org and one API user, and a tiny HTTP client speaking Bulk API 2.0 to it. */
final class BulkHttp implements AutoCloseable {
    static final String V = "/services/data/v59.0";

    final SalesforceEmulator sf;
    final Org org;
    final String userId;
    final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    BulkHttp(String profile) {
        sf = SalesforceEmulator.start(EmulatorOptions.builder().port(0).build());
        org = sf.state().createOrg("Bulk Co");
        userId = sf.state().createUser(org, new EmulatorState.NewUser("bulk-" + System.nanoTime() + "@example.com",
                "Bea", "Bulk", "bea@example.com", profile), "secret-123");
        token = sf.state().tokens().issueSession(org, userId, "test", Set.of("api"), null).token();
    }

    BulkHttp() {
        this(EmulatorState.PROFILE_ADMIN);
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sf.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
        return send("POST", path, "application/json", json);
    }

    HttpResponse<String> patchJson(String path, String json) throws Exception {
        return send("PATCH", path, "application/json", json);
    }

    HttpResponse<String> putCsv(String path, String csv) throws Exception {
        return send("PUT", path, "text/csv", csv);
    }

    static JsonNode json(HttpResponse<String> r) {
        return Json.parse(r.body().getBytes(StandardCharsets.UTF_8));
    }

    /** Polls job info until the job reaches a terminal state, as clients do. */
    JsonNode awaitJob(String kind, String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode info = json(get(V + "/jobs/" + kind + "/" + jobId));
            String state = info.get("state").asString();
            if (state.equals("JobComplete") || state.equals("Failed") || state.equals("Aborted")) {
                return info;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " still " + state);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        sf.close();
    }
}
