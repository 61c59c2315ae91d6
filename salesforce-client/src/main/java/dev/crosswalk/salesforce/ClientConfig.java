package dev.crosswalk.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link SalesforceClient} needs, immutable. Build with {@link #builder(String)}.
 *
 * @param clientId        connected app consumer key
 * @param clientSecret    consumer secret, or null for a public (PKCE-only) client
 * @param apiVersion      highest REST API version to use, like {@code "62.0"}
 * @param instanceUrlPolicy which hosts may receive a token
 * @param transientRetry  backoff for retrying transient failures of idempotent calls
 * @param bulkPolling     backoff between Bulk job polls
 * @param requestTimeout  per-request timeout (time to response headers)
 * @param maxUploadBytes  raw CSV bytes per Bulk ingest upload; Salesforce allows 150 MB after its
 *                        base64 encoding, so 100 MB raw
 * @param bulkPageSize    {@code maxRecords} asked per Bulk query results page (0 = server default)
 * @param ingestHistory   what the last ingest job of each org showed, to time the first status poll of the next (shared by
 *                        the connections of this configuration; null: a new, empty one)
 */
public record ClientConfig(String clientId, String clientSecret, String apiVersion,
                           InstanceUrlPolicy instanceUrlPolicy, Backoff transientRetry, Backoff bulkPolling,
                           Duration requestTimeout, long maxUploadBytes, int bulkPageSize,
                           Clock clock, Sleeper sleeper, CallListener listener, IngestPolling.History ingestHistory) {

    public static final String DEFAULT_API_VERSION = "62.0";
    public static final long SALESFORCE_MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

    public ClientConfig {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(apiVersion, "apiVersion");
        if (!apiVersion.matches("\\d+\\.0")) {
            throw new IllegalArgumentException("apiVersion must look like 62.0");
        }
        Objects.requireNonNull(instanceUrlPolicy);
        Objects.requireNonNull(transientRetry);
        Objects.requireNonNull(bulkPolling);
        Objects.requireNonNull(requestTimeout);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(sleeper);
        listener = listener == null ? CallListener.none() : listener;
        ingestHistory = ingestHistory == null ? new IngestPolling.History() : ingestHistory;
        if (maxUploadBytes < 1024) {
            throw new IllegalArgumentException("maxUploadBytes too small");
        }
    }

    public static Builder builder(String clientId) {
        return new Builder(clientId);
    }

    public Builder toBuilder() {
        Builder b = new Builder(clientId);
        b.clientSecret = clientSecret;
        b.apiVersion = apiVersion;
        b.instanceUrlPolicy = instanceUrlPolicy;
        b.transientRetry = transientRetry;
        b.bulkPolling = bulkPolling;
        b.requestTimeout = requestTimeout;
        b.maxUploadBytes = maxUploadBytes;
        b.bulkPageSize = bulkPageSize;
        b.clock = clock;
        b.sleeper = sleeper;
        b.listener = listener;
        b.ingestHistory = ingestHistory; // a derived configuration keeps what this one learnt about the org's jobs
        return b;
    }

    @Override
    public String toString() {
        return "ClientConfig[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "***")
                + ", apiVersion=" + apiVersion + ", " + instanceUrlPolicy + "]";
    }

    public static final class Builder {
        private final String clientId;
        private String clientSecret;
        private String apiVersion = DEFAULT_API_VERSION;
        private InstanceUrlPolicy instanceUrlPolicy = InstanceUrlPolicy.salesforceDefaults();
        private Backoff transientRetry = Backoff.transientRetries();
        private Backoff bulkPolling = Backoff.bulkPolling();
        private Duration requestTimeout = Duration.ofMinutes(2);
        private long maxUploadBytes = SALESFORCE_MAX_UPLOAD_BYTES;
        private int bulkPageSize = 0;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private CallListener listener = CallListener.none();
        private IngestPolling.History ingestHistory = new IngestPolling.History();

        private Builder(String clientId) {
            this.clientId = clientId;
        }

        public Builder clientSecret(String v) { this.clientSecret = v; return this; }
        public Builder apiVersion(String v) { this.apiVersion = v; return this; }
        public Builder instanceUrlPolicy(InstanceUrlPolicy v) { this.instanceUrlPolicy = v; return this; }
        public Builder transientRetry(Backoff v) { this.transientRetry = v; return this; }
        public Builder bulkPolling(Backoff v) { this.bulkPolling = v; return this; }
        public Builder requestTimeout(Duration v) { this.requestTimeout = v; return this; }
        public Builder maxUploadBytes(long v) { this.maxUploadBytes = v; return this; }
        public Builder bulkPageSize(int v) { this.bulkPageSize = v; return this; }
        public Builder clock(Clock v) { this.clock = v; return this; }
        public Builder sleeper(Sleeper v) { this.sleeper = v; return this; }
        public Builder listener(CallListener v) { this.listener = v; return this; }

        public ClientConfig build() {
            return new ClientConfig(clientId, clientSecret, apiVersion, instanceUrlPolicy, transientRetry,
                    bulkPolling, requestTimeout, maxUploadBytes, bulkPageSize, clock, sleeper, listener, ingestHistory);
        }
    }
}
