package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.MutableClock;
import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.auth.ConnectedApp;
import dev.crosswalk.emulator.model.Org;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running emulator with one org, two users and two connected apps, plus HTTP helpers that
 * drive the OAuth endpoints the way a client would. One per test class.
 */
final class OAuthTestOrg implements AutoCloseable {
    static final String PASSWORD = "S3cret!pw";
    static final String CALLBACK = "http://127.0.0.1:9999/callback";
    static final String CLIENT_ID = "test-client";
    static final String CLIENT_SECRET = "test-secret";
    static final String ROTATING_CLIENT_ID = "rotating-client";
    static final String ROTATING_SECRET = "rotating-secret";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk.verifier-of-enough-length";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    final SalesforceEmulator sf;
    final EmulatorState state;
    final Org org;
    final String aliceId;
    final String bobId;
    final ConnectedApp app;
    final ConnectedApp rotatingApp;
    private final HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    OAuthTestOrg() {
        sf = SalesforceEmulator.start(EmulatorOptions.builder().port(0).clock(clock).build());
        state = sf.state();
        org = state.createOrg("Test Org");
        aliceId = state.createUser(org, new NewUser("alice@test.example", "Alice", "Able", "alice@test.example",
                EmulatorState.PROFILE_ADMIN), PASSWORD);
        bobId = state.createUser(org, new NewUser("bob@test.example", "Bob", "Baker", "bob@test.example",
                EmulatorState.PROFILE_STANDARD), PASSWORD);
        app = state.addConnectedApp("Test App", CLIENT_ID, CLIENT_SECRET, List.of(CALLBACK, "http://localhost:*/cb"),
                Set.of("api", "refresh_token", "id"));
        rotatingApp = state.addConnectedApp("Rotating App", ROTATING_CLIENT_ID, ROTATING_SECRET, List.of(CALLBACK),
                Set.of("api", "refresh_token", "id"));
        rotatingApp.rotateRefreshTokens(true);
    }

    private final java.util.concurrent.atomic.AtomicInteger users = new java.util.concurrent.atomic.AtomicInteger();

    /** A new active user with {@link #PASSWORD} and no approvals yet; returns the username. */
    String freshUser() {
        String name = "user" + users.incrementAndGet() + "@test.example";
        state.createUser(org, new NewUser(name, "User", "Number" + users.get(), name, EmulatorState.PROFILE_STANDARD), PASSWORD);
        return name;
    }

    String userId(String username) {
        return state.user(username).orElseThrow().userId();
    }

    @Override
    public void close() {
        sf.close();
    }

    String base() {
        return sf.baseUrl();
    }

    // --- the browser side -------------------------------------------------------------------

    /** A browser: keeps cookies, never follows redirects (the callback host does not exist). */
    Browser browser() {
        return new Browser(HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    final class Browser {
        private final HttpClient http;

        Browser(HttpClient http) {
            this.http = http;
        }

        HttpResponse<String> authorize(Map<String, String> params) {
            return send(HttpRequest.newBuilder(URI.create(base() + "/services/oauth2/authorize?" + form(params))).GET().build());
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
        }

        HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields) {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("request_id", requestId(page));
            all.putAll(fields);
            return send(HttpRequest.newBuilder(URI.create(base() + "/services/oauth2/authorize"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(all))).build());
        }

        HttpResponse<String> login(HttpResponse<String> loginPage, String username, String password) {
            return submit(loginPage, Map.of("username", username, "password", password));
        }

        HttpResponse<String> allow(HttpResponse<String> approvalPage) {
            return submit(approvalPage, Map.of("decision", "allow"));
        }

        /** The whole web-server flow as alice, approving if asked; returns the callback redirect. */
        HttpResponse<String> loginAndAllow(Map<String, String> params, String username) {
            HttpResponse<String> r = login(authorize(params), username, PASSWORD);
            return isApprovalPage(r) ? allow(r) : r;
        }

        private HttpResponse<String> send(HttpRequest request) {
            return OAuthTestOrg.this.send(http, request);
        }
    }

    static boolean isLoginPage(HttpResponse<String> r) {
        return r.statusCode() == 200 && r.body().contains("id=\"login-form\"") && r.body().contains("name=\"password\"");
    }

    static boolean isApprovalPage(HttpResponse<String> r) {
        return r.statusCode() == 200 && r.body().contains("id=\"approve-form\"");
    }

    static String requestId(HttpResponse<String> page) {
        Matcher m = REQUEST_ID.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no request_id in page: " + page.statusCode() + " " + page.body());
        }
        return m.group(1);
    }

    /** Authorize parameters for the test app with a PKCE challenge for {@link #VERIFIER}. */
    static Map<String, String> codeRequest() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", CLIENT_ID);
        p.put("redirect_uri", CALLBACK);
        p.put("state", "st ate/1&x=y");
        p.put("code_challenge", Pkce.s256(VERIFIER));
        p.put("code_challenge_method", "S256");
        return p;
    }

    static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) {
                m.remove(kv[i]);
            } else {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    /** The decoded query (or fragment) parameters of a redirect's Location. */
    static Map<String, String> callbackParams(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("not a redirect: " + redirect.statusCode() + " " + redirect.body()));
        int i = location.indexOf('#') >= 0 ? location.indexOf('#') : location.indexOf('?');
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : location.substring(i + 1).split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    // --- the server-to-server side ----------------------------------------------------------

    /** A fresh code for alice straight from the token store (for token-endpoint error tests). */
    String codeFor(String userId, String clientId, String challenge) {
        return state.tokens().issueCode(org, userId, clientId, CALLBACK, Set.of("api", "refresh_token", "id"),
                challenge, challenge == null ? null : "S256").code();
    }

    HttpResponse<String> token(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return postForm("/services/oauth2/token", m, null);
    }

    HttpResponse<String> exchange(String code, String verifier) {
        return token("grant_type", "authorization_code", "code", code, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "redirect_uri", CALLBACK, "code_verifier", verifier);
    }

    HttpResponse<String> refresh(String clientId, String secret, String refreshToken) {
        return token("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId,
                "client_secret", secret);
    }

    HttpResponse<String> passwordLogin(String username, String password) {
        return token("grant_type", "password", "username", username, "password", password, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET);
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(plain, b.build());
    }

    HttpResponse<String> getWithToken(String pathOrUrl, String accessToken) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base() + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (accessToken != null) {
            b.header("Authorization", "Bearer " + accessToken);
        }
        return send(plain, b.build());
    }

    static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    static String form(Map<String, String> m) {
        StringJoiner j = new StringJoiner("&");
        m.forEach((k, v) -> {
            if (v != null) {
                j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return j.toString();
    }

    private HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
