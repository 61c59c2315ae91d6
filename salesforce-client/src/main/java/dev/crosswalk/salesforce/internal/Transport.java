package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.CallCounter;
import dev.crosswalk.salesforce.CallEvent;
import dev.crosswalk.salesforce.CallKind;
import dev.crosswalk.salesforce.CallListener;
import dev.crosswalk.salesforce.LimitInfo;
import dev.crosswalk.salesforce.SalesforceError;
import dev.crosswalk.salesforce.SalesforceException;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends one HTTP request, nothing more: counts it, tells the listener (redacted), turns I/O
 * failures into {@link SalesforceError.Transient}. Authentication, retries and classification of
 * error responses happen in {@link ApiCaller}.
 */
public final class Transport {

    private final HttpClient http;
    private final Clock clock;
    private final CallListener listener;
    private final BlockingDownload downloads;

    public Transport(HttpClient http, Clock clock, CallListener listener) {
        this(http, clock, listener, false);
    }

    /**
     * @param blockingDownloads large bodies ({@link #download}) are read with a blocking connection in the
     *                          caller's thread; only for an {@code http} built by {@link #defaultHttpClient}
     *                          (no proxy, default TLS), whose settings the blocking connection repeats
     */
    public Transport(HttpClient http, Clock clock, CallListener listener, boolean blockingDownloads) {
        this.http = http;
        this.clock = clock;
        this.listener = listener;
        this.downloads = blockingDownloads ? new BlockingDownload(http.connectTimeout().orElse(Duration.ofSeconds(20))) : null;
    }

    /** A client that never follows redirects: a token must not travel to wherever a 302 points. */
    public static HttpClient defaultHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    public HttpResponse<InputStream> send(HttpRequest request, CallKind kind, int attempt, CallCounter counter,
                                          Consumer<Optional<LimitInfo>> limitSink) {
        return send(request, kind, attempt, counter, limitSink, false);
    }

    /**
     * Like {@link #send} for a GET whose body is large and read as it comes (a Bulk result page).
     * java.net.http hands the body from its selector thread to the reader through a queue of 16 KiB
     * buffers; for a 242 MB result that cost as much CPU as parsing the CSV (JFR, issue 18). A
     * blocking {@link java.net.HttpURLConnection} reads the socket in the caller's thread instead.
     */
    public HttpResponse<InputStream> download(HttpRequest request, CallKind kind, int attempt, CallCounter counter,
                                              Consumer<Optional<LimitInfo>> limitSink) {
        return send(request, kind, attempt, counter, limitSink, downloads != null && "GET".equals(request.method()));
    }

    private HttpResponse<InputStream> send(HttpRequest request, CallKind kind, int attempt, CallCounter counter,
                                           Consumer<Optional<LimitInfo>> limitSink, boolean blocking) {
        long start = clock.millis();
        counter.record(kind);
        try {
            HttpResponse<InputStream> response = blocking ? downloads.get(request)
                    : http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            Optional<LimitInfo> limit = LimitInfoParser.parse(
                    response.headers().firstValue(LimitInfoParser.HEADER).orElse(null));
            limit.ifPresent(l -> limitSink.accept(limit));
            notify(request, kind, attempt, response.statusCode(), start, limit, Optional.empty());
            return response;
        } catch (HttpTimeoutException e) {
            notify(request, kind, attempt, 0, start, Optional.empty(), Optional.of("timeout"));
            throw new SalesforceException(ErrorClassifier.timeout(request.method() + " timed out"), e);
        } catch (IOException e) {
            notify(request, kind, attempt, 0, start, Optional.empty(), Optional.of(e.getClass().getSimpleName()));
            throw new SalesforceException(ErrorClassifier.ioFailure(request.method() + " failed: "
                    + e.getClass().getSimpleName()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(ErrorClassifier.ioFailure("interrupted"), e);
        }
    }

    private void notify(HttpRequest request, CallKind kind, int attempt, int status, long start,
                        Optional<LimitInfo> limit, Optional<String> failure) {
        try {
            listener.onCall(new CallEvent(kind, request.method(), Redaction.url(request.uri().toString()), status,
                    Duration.ofMillis(clock.millis() - start), attempt, Redaction.headers(request.headers()), limit,
                    failure));
        } catch (RuntimeException ignored) {
            // A listener is observability only; it must never break a call.
        }
    }
}
