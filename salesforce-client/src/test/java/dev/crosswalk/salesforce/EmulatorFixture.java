package dev.crosswalk.salesforce;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.admin.EmulatorAdmin;

import java.time.Duration;

/** A demo-seeded emulator on a random loopback port, and clients configured for it. */
public final class EmulatorFixture implements AutoCloseable {

    public static final String CLIENT_ID = "crosswalk-local";
    public static final String CLIENT_SECRET = "crosswalk-local-secret";
    public static final String PASSWORD = "Passw0rd!";
    public static final String INTEGRATION = "integration@acme.example";
    public static final String ADMIN = "admin@acme.example";
    public static final String ORG = "Acme Corp";
    public static final String API_VERSION = "62.0";

    private final SalesforceEmulator emulator;

    private EmulatorFixture(SalesforceEmulator emulator) {
        this.emulator = emulator;
    }

    public static EmulatorFixture start() {
        return new EmulatorFixture(SalesforceEmulator.start(EmulatorOptions.builder().port(0).seed("demo").build()));
    }

    /**
     * With the client's test package (src/test/resources/sfdx/crosswalk-test) installed: the
     * {@code Ecosystem_Overlap__c} object with external id {@code Crosswalk_Id__c}, the
     * {@code CrosswalkSetup} page and the {@code Crosswalk_Setup_User} permission set.
     */
    public static EmulatorFixture startWithTestPackage() {
        try {
            java.nio.file.Path pkg = java.nio.file.Path.of(EmulatorFixture.class.getResource("/sfdx/crosswalk-test").toURI());
            return new EmulatorFixture(SalesforceEmulator.start(EmulatorOptions.builder().port(0).seed("demo")
                    .installPackage(pkg).build()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return emulator.baseUrl();
    }

    public EmulatorAdmin admin() {
        return emulator.admin();
    }

    public LoginHost loginHost() {
        return LoginHost.of(baseUrl());
    }

    /**
     * Loopback allowed, quick real polling of Bulk jobs (the emulator runs them in the
     * background), transient retries waiting on {@code time} (no real sleep).
     */
    public ClientConfig.Builder config(FakeTime time) {
        return ClientConfig.builder(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .apiVersion(API_VERSION)
                .instanceUrlPolicy(InstanceUrlPolicy.salesforceDefaults().allowingLoopback())
                .transientRetry(new Backoff(4, Duration.ofSeconds(1), Duration.ofSeconds(8), 2))
                .bulkPolling(new Backoff(Integer.MAX_VALUE, Duration.ofMillis(20), Duration.ofMillis(250), 2))
                .sleeper(new PollingSleeper(time));
    }

    public SalesforceClient client(FakeTime time) {
        return SalesforceClient.create(config(time).build());
    }

    public static final String CALLBACK = "http://127.0.0.1:9/crosswalk/callback";

    /**
     * The web-server flow with PKCE through the emulator's login form (the password grant gives
     * no refresh token, like Salesforce's).
     */
    public Credentials login(SalesforceClient client, String username) {
        AuthorizationRequest request = client.oauth().authorizationRequest(loginHost(), CALLBACK,
                java.util.Set.of("api", "refresh_token", "id"), true);
        try {
            java.util.Map<String, String> callback = new EmulatorBrowser().authorize(request.url(), CALLBACK, username,
                    PASSWORD);
            if (!callback.containsKey("code") || !request.stateMatches(callback.get("state"))) {
                throw new IllegalStateException("authorize failed: " + callback);
            }
            return client.oauth().exchangeCode(loginHost(), callback.get("code"), CALLBACK, request.codeVerifier());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public SalesforceConnection connect(SalesforceClient client, String username) {
        return client.connect(new InMemoryCredentialStore(login(client, username)));
    }

    @Override
    public void close() {
        emulator.close();
    }

    /**
     * Records every wait in {@link FakeTime}; really sleeps only for short Bulk polls (the
     * emulator's job runner works in real time), never for retry backoff.
     */
    static final class PollingSleeper implements Sleeper {
        private final FakeTime time;

        PollingSleeper(FakeTime time) {
            this.time = time;
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            time.sleep(d);
            // Retry backoff is configured ≥ 1 s, polling < 1 s: only polls really wait.
            if (d.compareTo(Duration.ofSeconds(1)) < 0) {
                Thread.sleep(d.toMillis());
            }
        }
    }
}
