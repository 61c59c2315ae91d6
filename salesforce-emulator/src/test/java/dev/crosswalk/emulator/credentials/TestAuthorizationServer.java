package dev.crosswalk.emulator.credentials;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OAuth 2.0 authorization server + resource server standing in for Crosswalk in emulator
 * tests: authorization code with PKCE (consent is automatic unless {@link #denyNext}), client
 * secret in HTTP Basic, refresh tokens rotated on every use, and a bearer-protected
 * {@code /api/package/v1/…}. Tests make access tokens expire or refresh tokens die.
 */
final class TestAuthorizationServer implements AutoCloseable {
    static final String CLIENT_ID = "sf-client-" + System.nanoTime();
    final String clientSecret = "s-" + java.util.UUID.randomUUID();
    private final HttpServer server;
    private final Map<String, String[]> codes = new ConcurrentHashMap<>();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sequence = new AtomicInteger();
    final AtomicInteger refreshGrants = new AtomicInteger();
    volatile String lastAuthorizeQuery;
    volatile String lastApiAuthorization;
    volatile boolean denyNext;

    TestAuthorizationServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/authorize", this::authorize);
        server.createContext("/oauth2/token", this::token);
        server.createContext("/api/package/v1/", this::api);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every access token stops working (the next callout gets 401 and must refresh). */
    void expireAccessTokens() {
        accessTokens.clear();
    }

    /** Every refresh token stops working too (refresh answers invalid_grant). */
    void revokeEverything() {
        accessTokens.clear();
        refreshTokens.clear();
    }

    private void authorize(HttpExchange x) throws IOException {
        lastAuthorizeQuery = x.getRequestURI().getRawQuery();
        Map<String, String> q = params(lastAuthorizeQuery);
        String redirect = q.get("redirect_uri");
        if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type")) || redirect == null
                || !"S256".equals(q.get("code_challenge_method"))) {
            send(x, 400, "text/plain", "bad authorize request");
            return;
        }
        String sep = redirect.contains("?") ? "&" : "?";
        if (denyNext) {
            denyNext = false;
            redirect(x, redirect + sep + "error=access_denied&error_description=" + enc("the admin said no") + "&state=" + enc(q.get("state")));
            return;
        }
        String code = "code-" + sequence.incrementAndGet();
        codes.put(code, new String[] {q.get("code_challenge"), redirect});
        redirect(x, redirect + sep + "code=" + code + "&state=" + enc(q.get("state")));
    }

    private void token(HttpExchange x) throws IOException {
        String basic = x.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(basic)) {
            send(x, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, String> f = params(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        switch (String.valueOf(f.get("grant_type"))) {
            case "authorization_code" -> {
                String[] c = codes.remove(String.valueOf(f.get("code")));
                if (c == null || !c[1].equals(f.get("redirect_uri")) || !c[0].equals(s256(f.get("code_verifier")))) {
                    send(x, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                    return;
                }
                issue(x);
            }
            case "refresh_token" -> {
                if (!refreshTokens.remove(String.valueOf(f.get("refresh_token")))) {
                    send(x, 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token revoked\"}");
                    return;
                }
                refreshGrants.incrementAndGet();
                issue(x);
            }
            default -> send(x, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
        }
    }

    private void issue(HttpExchange x) throws IOException {
        String access = "at-" + sequence.incrementAndGet();
        String refresh = "rt-" + sequence.incrementAndGet();
        accessTokens.add(access);
        refreshTokens.add(refresh);
        send(x, 200, "application/json", "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"refresh_token\":\"" + refresh + "\",\"scope\":\"overlaps:read setup\"}");
    }

    private void api(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        lastApiAuthorization = auth;
        if (auth == null || !auth.startsWith("Bearer ") || !accessTokens.contains(auth.substring(7))) {
            send(x, 401, "application/json", "{\"error\":\"invalid_token\"}");
            return;
        }
        String path = x.getRequestURI().getPath();
        if (path.endsWith("/status")) {
            send(x, 200, "application/json", "{\"status\":\"connected\",\"organization\":\"Acme Corp\"}");
        } else {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            send(x, 200, "application/json;charset=UTF-8", "{\"method\":\"" + x.getRequestMethod() + "\",\"path\":\"" + path
                    + "\",\"query\":\"" + x.getRequestURI().getRawQuery() + "\",\"body\":\"" + body.replace("\"", "'") + "\"}");
        }
    }

    private static Map<String, String> params(String query) {
        Map<String, String> m = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return m;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(String.valueOf(verifier).getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(String.valueOf(s), StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange x, String location) throws IOException {
        x.getResponseHeaders().add("Location", location);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
