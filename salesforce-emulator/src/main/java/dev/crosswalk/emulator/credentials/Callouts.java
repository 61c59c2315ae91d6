package dev.crosswalk.emulator.credentials;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.credentials.OutboundTokens.Tokens;
import dev.crosswalk.emulator.credentials.TokenClient.Grant;
import dev.crosswalk.emulator.credentials.TokenClient.TokenException;
import dev.crosswalk.emulator.model.Org;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the platform does for Apex {@code callout:<NamedCredential>/<path>}: checks that the
 * running user's permission sets grant the External Credential principal, adds
 * {@code Authorization: Bearer <principal's access token>}, and on a 401 refreshes the token once
 * (storing a rotated refresh token) and sends the request again.
 */
public final class Callouts {
    private static final Logger LOG = Logger.getLogger(Callouts.class.getName());

    /** A callout's outcome: the upstream answer, or the {@code System.CalloutException} Apex would see. */
    public sealed interface Result {
    }

    public record Upstream(int status, String contentType, byte[] body) implements Result {
    }

    public record Failure(String message) implements Result {
    }

    /**
     * The request as Apex would build it: method, path after the Named Credential's URL (with query), body, and the
     * other headers the Apex code set ({@code HttpRequest.setHeader}); the platform owns {@code Authorization}.
     */
    public record Call(String method, String pathAndQuery, String contentType, String accept, byte[] body, Map<String, String> headers) {
        public Call {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public Call(String method, String pathAndQuery, String contentType, String accept, byte[] body) {
            this(method, pathAndQuery, contentType, accept, body, Map.of());
        }
    }

    /** Headers Apex cannot set, or that the platform sets itself (Java's HttpClient refuses the restricted ones too). */
    private static final Set<String> PLATFORM_HEADERS = Set.of("authorization", "host", "cookie", "content-length", "content-type",
            "accept", "connection", "expect", "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "http2-settings",
            "proxy-authorization", "accept-encoding", "user-agent");

    /** The caller's own headers that a callout carries on (see {@link Call#headers()}). */
    public static Map<String, String> forwardable(Map<String, String> headers) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (k != null && v != null && !PLATFORM_HEADERS.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                out.put(k, v);
            }
        });
        return out;
    }

    private final EmulatorState state;
    private final HttpClient http;
    private final TokenClient tokens;

    public Callouts(EmulatorState state, HttpClient http) {
        this.state = state;
        this.http = http;
        this.tokens = new TokenClient(http);
    }

    TokenClient tokenClient() {
        return tokens;
    }

    public Result send(Org org, String userId, String namedCredential, Call call) {
        Optional<NamedCredentialConfig> found = NamedCredentialConfig.of(org, namedCredential);
        if (found.isEmpty()) {
            return new Failure("System.CalloutException: Unable to find the named credential " + namedCredential
                    + " (or its external credential and principal)");
        }
        NamedCredentialConfig nc = found.get();
        if (!state.permissions().access(org, userId).hasSetupEntityAccess(nc.principalId())) {
            return new Failure("System.CalloutException: We couldn't access the credential(s). You might not have the required"
                    + " permissions, or the external credential \"" + nc.externalCredential() + "\" might not exist.");
        }
        OutboundTokens store = OutboundTokens.of(org);
        Optional<Tokens> held = store.get(nc.principalKey());
        if (held.isEmpty()) {
            return notAuthenticated(nc);
        }
        Result first = forward(nc, call, held.get().accessToken());
        if (!(first instanceof Upstream u) || u.status() != 401 || held.get().refreshToken() == null || nc.authProvider() == null) {
            return first;
        }
        Grant refreshed;
        try {
            refreshed = tokens.refresh(nc.authProvider(), held.get().refreshToken());
        } catch (TokenException e) {
            // A refused refresh token is dead: the principal needs authenticating again.
            store.remove(nc.principalKey());
            return new Failure("System.CalloutException: The access token for the external credential principal "
                    + nc.externalCredential() + "-" + nc.principal() + " expired and refreshing it failed (" + e.getMessage()
                    + "). Authenticate the principal again.");
        }
        String refreshToken = refreshed.refreshToken() != null ? refreshed.refreshToken() : held.get().refreshToken();
        store.put(nc.principalKey(), new Tokens(refreshed.accessToken(), refreshToken, state.clock().instant(),
                held.get().authenticatedBy()));
        return forward(nc, call, refreshed.accessToken());
    }

    private static Failure notAuthenticated(NamedCredentialConfig nc) {
        return new Failure("System.CalloutException: The external credential principal " + nc.externalCredential() + "-" + nc.principal()
                + " isn't authenticated (status Not Configured). In Setup, authenticate it, then try again.");
    }

    private Result forward(NamedCredentialConfig nc, Call call, String accessToken) {
        String base = nc.url().endsWith("/") ? nc.url().substring(0, nc.url().length() - 1) : nc.url();
        String path = call.pathAndQuery().isEmpty() || call.pathAndQuery().startsWith("/") || call.pathAndQuery().startsWith("?")
                ? call.pathAndQuery() : "/" + call.pathAndQuery();
        URI uri;
        try {
            uri = URI.create(base + path);
        } catch (IllegalArgumentException e) {
            return new Failure("System.CalloutException: Invalid endpoint " + base + path);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + accessToken);
        if (call.contentType() != null) {
            b.header("Content-Type", call.contentType());
        }
        if (call.accept() != null) {
            b.header("Accept", call.accept());
        }
        call.headers().forEach(b::header);
        byte[] body = call.body() == null ? new byte[0] : call.body();
        b.method(call.method(), body.length == 0 && !call.method().equals("POST") && !call.method().equals("PUT")
                && !call.method().equals("PATCH") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Upstream(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException e) {
            LOG.log(Level.FINE, "callout to " + uri + " failed", e);
            return new Failure("System.CalloutException: Unable to reach " + uri.getHost() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failure("System.CalloutException: interrupted");
        }
    }
}
