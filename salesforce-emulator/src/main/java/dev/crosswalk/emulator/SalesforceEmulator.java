package dev.crosswalk.emulator;

import dev.crosswalk.emulator.admin.AdminEndpoints;
import dev.crosswalk.emulator.admin.EmulatorAdmin;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.bulk.BulkEndpoints;
import dev.crosswalk.emulator.http.HttpServerHost;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.metadata.MetadataEndpoints;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.oauth.OAuthEndpoints;
import dev.crosswalk.emulator.rest.RestEndpoints;
import dev.crosswalk.emulator.seed.DemoSeed;
import java.io.IOException;
import java.io.UncheckedIOException;

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

    private SalesforceEmulator(EmulatorState state, HttpServerHost server) {
        this.state = state;
        this.server = server;
        this.admin = new EmulatorAdmin(state);
    }

    public static SalesforceEmulator start(EmulatorOptions options) {
        EmulatorState state = new EmulatorState(options);
        Router router = new Router();
        ApiGate gate = new ApiGate(state);
        AdminEndpoints.register(router, state);
        MetadataEndpoints.register(router, state);
        OAuthEndpoints.register(router, state, gate);
        BulkEndpoints.register(router, state, gate);
        RestEndpoints.register(router, state, gate);
        HttpServerHost server;
        try {
            server = new HttpServerHost(options.port(), options.threads(), request -> {
                state.faults().apply(request);
                return router.dispatch(request);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + options.port(), e);
        }
        state.baseUrl("http://127.0.0.1:" + server.port());
        if ("demo".equalsIgnoreCase(options.seed())) {
            DemoSeed.apply(state);
        } else if (!"none".equalsIgnoreCase(options.seed())) {
            server.close();
            throw new IllegalArgumentException("Unknown seed '" + options.seed() + "': use demo or none");
        }
        for (var dir : options.packageDirs()) {
            // A startup package goes into every org, like a package installed org-wide before a test.
            state.orgs().forEach(org -> PackageInstaller.install(org, dir));
        }
        return new SalesforceEmulator(state, server);
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

    @Override
    public void close() {
        server.close();
    }
}
