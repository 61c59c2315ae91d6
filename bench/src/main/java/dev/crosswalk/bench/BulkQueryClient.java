package dev.crosswalk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain {@code java.net.http} Bulk API 2.0 query client, the way an integration reads: create
 * the job, poll until JobComplete, then follow {@code Sforce-Locator} until {@code null}, reading
 * every byte of every page (and counting rows from {@code Sforce-NumberOfRecords}).
 */
final class BulkQueryClient {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String token;

    BulkQueryClient(String instanceUrl, String apiVersion, String token) {
        this.base = instanceUrl + "/services/data/v" + apiVersion + "/jobs/query";
        this.token = token;
    }

    String jobsUrl() {
        return base;
    }

    /** Creates a query job and waits for JobComplete; returns its id. */
    String runJob(String soql) throws IOException, InterruptedException {
        String body = "{\"operation\":\"query\",\"query\":\"" + soql.replace("\"", "\\\"") + "\"}";
        HttpResponse<String> created = http.send(request(base).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 200) {
            throw new IllegalStateException("create job: " + created.statusCode() + " " + created.body());
        }
        String id = group(ID, created.body());
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            String info = http.send(request(base + "/" + id).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            String state = group(STATE, info);
            if (state.equals("JobComplete")) {
                return id;
            }
            if (state.equals("Failed") || state.equals("Aborted")) {
                throw new IllegalStateException("job " + id + " ended " + state + ": " + info);
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("job " + id + " did not complete");
    }

    /** Downloads every page of a completed job, timing from the first request to the last byte. */
    Measurement download(String jobId, int run, Integer maxRecords) throws IOException, InterruptedException {
        byte[] buffer = new byte[1 << 16];
        long records = 0;
        long bytes = 0;
        String locator = null;
        long start = System.nanoTime();
        long cpu = HeapProbe.processCpuNanos();
        do {
            String url = base + "/" + jobId + "/results?" + (maxRecords == null ? "" : "maxRecords=" + maxRecords)
                    + (locator == null ? "" : "&locator=" + locator);
            HttpResponse<InputStream> page = http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (page.statusCode() != 200) {
                throw new IllegalStateException("results: HTTP " + page.statusCode());
            }
            try (InputStream in = page.body()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes += n;
                }
            }
            records += Long.parseLong(page.headers().firstValue("Sforce-NumberOfRecords").orElseThrow());
            locator = page.headers().firstValue("Sforce-Locator").orElseThrow();
        } while (!locator.equals("null"));
        return new Measurement("java.net.http", run, records, bytes, System.nanoTime() - start,
                HeapProbe.processCpuNanos() - cpu);
    }

    void delete(String jobId) throws IOException, InterruptedException {
        http.send(request(base + "/" + jobId).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token);
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            throw new IllegalStateException("unexpected response: " + s);
        }
        return m.group(1);
    }
}
