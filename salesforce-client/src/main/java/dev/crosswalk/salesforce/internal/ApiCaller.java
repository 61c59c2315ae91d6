package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.Backoff;
import dev.crosswalk.salesforce.CallCounter;
import dev.crosswalk.salesforce.ClientConfig;
import dev.crosswalk.salesforce.CredentialStore;
import dev.crosswalk.salesforce.Credentials;
import dev.crosswalk.salesforce.LimitInfo;
import dev.crosswalk.salesforce.SalesforceError;
import dev.crosswalk.salesforce.SalesforceException;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The single auth-retry interceptor of a connection. For every attempt it loads the credentials,
 * resolves and allow-list-checks the URL, builds the {@code Authorization} header (per request:
 * long Bulk downloads outlive tokens), and sends. On 401 it asks the {@link TokenRefresher}
 * (single-flight, compare-and-swap) for fresh credentials and replays the call once. Error
 * responses are classified by {@link ErrorClassifier}; {@link SalesforceError.Transient} ones are
 * retried with bounded backoff only when the call is idempotent.
 */
public final class ApiCaller {

    private final Transport transport;
    private final ClientConfig config;
    private final CredentialStore store;
    private final TokenRefresher refresher;
    private final CallCounter counter;
    private final AtomicReference<LimitInfo> lastLimit = new AtomicReference<>();

    public ApiCaller(Transport transport, ClientConfig config, CredentialStore store, TokenRefresher refresher,
                     CallCounter counter) {
        this.transport = transport;
        this.config = config;
        this.store = store;
        this.refresher = refresher;
        this.counter = counter;
    }

    public Optional<LimitInfo> lastLimitInfo() {
        return Optional.ofNullable(lastLimit.get());
    }

    public Credentials credentials() {
        return store.load();
    }

    /** Executes the call; the caller must close the returned response. */
    public ApiResponse execute(ApiCall call) {
        Backoff backoff = call.idempotent() ? config.transientRetry() : Backoff.none();
        int attempt = 1;
        while (true) {
            try {
                return executeOnce(call, attempt);
            } catch (SalesforceException e) {
                if (!e.error().isTransient() || attempt >= backoff.maxAttempts()) {
                    throw e;
                }
                sleep(backoff.delayAfter(attempt));
                attempt++;
            }
        }
    }

    /** Executes and returns the JSON body (missing node for 204). */
    public tools.jackson.databind.JsonNode json(ApiCall call) {
        try (ApiResponse r = execute(call)) {
            return r.json();
        }
    }

    private ApiResponse executeOnce(ApiCall call, int attempt) {
        Credentials creds = store.load();
        HttpResponse<InputStream> response = send(call, creds, attempt);
        if (response.statusCode() == 401) {
            ApiResponse.drain(response);
            if (!creds.canRefresh()) {
                throw new SalesforceException(ErrorClassifier.sessionExpiredWithoutRefresh());
            }
            Credentials fresh = refresher.refreshAfter(creds);
            response = send(call, fresh, attempt);
            if (response.statusCode() == 401) {
                // Refreshed and still refused: do not loop, the connection needs a person.
                throw new SalesforceException(classify(response));
            }
        }
        if (response.statusCode() >= 400) {
            throw new SalesforceException(classify(response));
        }
        return new ApiResponse(response);
    }

    private HttpResponse<InputStream> send(ApiCall call, Credentials creds, int attempt) {
        URI uri = resolve(call.target(), creds);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + creds.accessToken());
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            b.version(java.net.http.HttpClient.Version.HTTP_1_1);
        }
        call.headers().forEach(b::header);
        b.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : call.body().get());
        // A CSV body (Bulk results) is large and read as it comes: see Transport.download.
        if ("GET".equals(call.method()) && "text/csv".equals(call.headers().get("Accept"))) {
            return transport.download(b.build(), call.kind(), attempt, counter, l -> l.ifPresent(lastLimit::set));
        }
        return transport.send(b.build(), call.kind(), attempt, counter, l -> l.ifPresent(lastLimit::set));
    }

    private URI resolve(String target, Credentials creds) {
        String url = target.startsWith("http://") || target.startsWith("https://")
                ? target
                : creds.instanceUrl() + (target.startsWith("/") ? target : "/" + target);
        return config.instanceUrlPolicy().requireAllowed(url);
    }

    private SalesforceError classify(HttpResponse<InputStream> response) {
        byte[] body = ApiResponse.drain(response);
        Optional<LimitInfo> limit = LimitInfoParser.parse(
                response.headers().firstValue(LimitInfoParser.HEADER).orElse(null));
        return ErrorClassifier.classify(response.statusCode(), body, limit.or(this::lastLimitInfo));
    }

    private void sleep(java.time.Duration d) {
        try {
            config.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(ErrorClassifier.ioFailure("interrupted while backing off"), e);
        }
    }
}
