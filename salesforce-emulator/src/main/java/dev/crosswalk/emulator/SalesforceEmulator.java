package dev.crosswalk.emulator;

import dev.crosswalk.emulator.admin.AdminEndpoints;
import dev.crosswalk.emulator.admin.EmulatorAdmin;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.bulk.BulkEndpoints;
import dev.crosswalk.emulator.credentials.CredentialEndpoints;
import dev.crosswalk.emulator.http.HttpServerHost;
import dev.crosswalk.emulator.http.SelfSignedTls;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.metadata.MetadataEndpoints;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.oauth.OAuthEndpoints;
import dev.crosswalk.emulator.rest.RestEndpoints;
import dev.crosswalk.emulator.seed.DemoSeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import dev.crosswalk.emulator.persist.StatePersistence;

/**
 * A running emulator: one HTTP server on loopback serving OAuth, REST, Bulk API 2.0 and the
 * {@code /_emulator/} admin API for any number of orgs. Start one per test class:
 * <pre>{@code
 * try (SalesforceEmulator sf = SalesforceEmulator.start(EmulatorOptions.builder().seed("demo").build())) {
 *     String instanceUrl = sf.baseUrl();
 *     sf.admin().expireSessions("integration@acme.example");
 * }
 * }</pre>
 */
public final class SalesforceEmulator implements AutoCloseable {
    private final EmulatorState state;
    private final HttpServerHost server;
    private final EmulatorAdmin admin;

    private final StatePersistence persistence;
    private SelfSignedTls tls;

    private SalesforceEmulator(EmulatorState state, HttpServerHost server, StatePersistence persistence) {
        this.state = state;
        this.server = server;
        this.admin = new EmulatorAdmin(state);
        this.persistence = persistence;
    }

    /**
     * Starts an emulator. With a data directory holding saved state, that state is loaded
     * (and the seed skipped); a damaged state file fails the start with
     * {@link dev.crosswalk.emulator.persist.StateFileException} naming the file.
     */
    public static SalesforceEmulator start(EmulatorOptions options) {
        Optional<EmulatorState> saved = options.dataDir() == null ? Optional.empty() : StatePersistence.load(options);
        EmulatorState state = saved.orElseGet(() -> new EmulatorState(options));
        Router router = new Router();
        ApiGate gate = new ApiGate(state);
        MetadataEndpoints.register(router, state, gate);
        AdminEndpoints.register(router, state);
        dev.crosswalk.emulator.rules.RowRuleEndpoints.register(router, state);
        var browsers = OAuthEndpoints.register(router, state, gate);
        CredentialEndpoints.register(router, state, browsers);
        BulkEndpoints.register(router, state, gate);
        RestEndpoints.register(router, state, gate);
        // Last: answers unknown /_emulator/ paths in the admin error shape without shadowing any route.
        AdminEndpoints.registerFallback(router);
        HttpServerHost server;
        SelfSignedTls tls = null;
        if (options.tls()) {
            try {
                Path dir = options.dataDir() != null ? options.dataDir() : Files.createTempDirectory("sf-emulator-tls");
                tls = SelfSignedTls.generate(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a folder for the TLS certificate", e);
            }
        }
        try {
            server = new HttpServerHost(options.port(), options.threads(), request -> {
                state.faults().apply(request);
                return router.dispatch(request);
            }, tls == null ? null : tls.context());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + options.port(), e);
        }
        state.baseUrl((tls == null ? "http" : "https") + "://127.0.0.1:" + server.port());
        try {
            if (saved.isEmpty()) {
                seed(state, options.seed());
            }
            for (var dir : options.packageDirs()) {
                // A startup package goes into every org (installing again upgrades in place).
                state.orgs().forEach(org -> PackageInstaller.install(org, dir));
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        StatePersistence persistence = options.dataDir() == null ? null : StatePersistence.keep(state, options.dataDir());
        SalesforceEmulator emulator = new SalesforceEmulator(state, server, persistence);
        emulator.tls = tls;
        return emulator;
    }

    /** The TLS certificate when started with {@code tls}; empty for plain HTTP. */
    public Optional<SelfSignedTls> tls() {
        return Optional.ofNullable(tls);
    }

    private static void seed(EmulatorState state, String seed) {
        if ("demo".equalsIgnoreCase(seed)) {
            DemoSeed.apply(state);
        } else if (!"none".equalsIgnoreCase(seed)) {
            throw new IllegalArgumentException("Unknown seed '" + seed + "': use demo or none");
        }
    }

    /** {@code http://127.0.0.1:PORT}: the login host and the instance URL of every org. */
    public String baseUrl() {
        return state.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** Administration and fault injection, the Java twin of the {@code /_emulator/} API. */
    public EmulatorAdmin admin() {
        return admin;
    }

    public EmulatorState state() {
        return state;
    }

    /** Saves state now (only with a data directory). */
    public void saveState() throws IOException {
        if (persistence != null) {
            persistence.save();
        }
    }

    /** Stops serving, then saves state if a data directory was given. */
    @Override
    public void close() {
        server.close();
        if (persistence != null) {
            persistence.close();
        }
    }
}
