package dev.crosswalk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny HTTP client for the service's API in tests, acting as one member the way real callers
 * do: {@code new ApiClient(url, email, password)} signs in through the login form once, creates a
 * personal API token with that session and then sends {@code Authorization: Bearer} like a
 * script; {@link #session} keeps the browser session instead (cookies and the {@code X-XSRF-TOKEN}
 * header). A sign-in that fails leaves a client without credentials, whose calls answer 401.
 */
public final class ApiClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Tokens of successful sign-ins, by service, account and password. */
    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    public record Reply(int status, String body, Map<String, java.util.List<String>> headers) {
        public Reply(int status, String body) {
            this(status, body, Map.of());
        }

        /** The Content-Type header, or null. */
        public String contentType() {
            return header("Content-Type").orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String baseUrl;
    private String authorization;
    private Map<String, String> extraHeaders = Map.of();

    /**
     * Signs in, creates an API token and uses it (as a script would). The token is kept for the
     * same service, account and password, as a script keeps its token: members may hold only so many.
     */
    public ApiClient(String baseUrl, String email, String password) {
        this.baseUrl = baseUrl;
        String key = baseUrl + "\n" + email + "\n" + password;
        String token = TOKENS.get(key);
        if (token == null && signIn(email, password).signedIn()) {
            Reply created = post("/api/v1/tokens", Map.of("name", "test client"));
            if (created.status() != 201) {
                throw new IllegalStateException("could not create an API token: " + created.status() + " " + created.body());
            }
            token = created.json().get("token").asString();
            TOKENS.put(key, token);
        }
        cookies.getCookieStore().removeAll();
        authorization = token == null ? null : "Bearer " + token;
    }

    private ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A client that keeps the browser session of the login form (cookies plus the CSRF header). */
    public static ApiClient session(String baseUrl, String email, String password) {
        ApiClient c = new ApiClient(baseUrl);
        c.signIn(email, password);
        return c;
    }

    /** A client sending the given personal API token. */
    public static ApiClient withToken(String baseUrl, String token) {
        ApiClient c = new ApiClient(baseUrl);
        c.authorization = "Bearer " + token;
        return c;
    }

    /** A client without any credentials. */
    public static ApiClient anonymous(String baseUrl) {
        return new ApiClient(baseUrl);
    }

    /** Sends these headers with every later request (e.g. {@code X-Forwarded-For} to act from another address). */
    public ApiClient withHeaders(Map<String, String> headers) {
        this.extraHeaders = Map.copyOf(headers);
        return this;
    }

    /** What the login form answered: its status, where it redirected, and whether that is a signed-in session. */
    public record SignIn(int status, String location, Reply reply) {
        public boolean signedIn() {
            return status == 302 && location != null && !location.contains("/login");
        }
    }

    /** Posts the login form as a browser does (fetching the page first for its CSRF cookie). */
    public SignIn signIn(String email, String password) {
        get("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", email);
        form.put("password", password);
        xsrfToken().ifPresent(t -> form.put("_csrf", t));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Reply r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        SignIn result = new SignIn(r.status(), r.header("Location").orElse(null), r);
        if (result.signedIn()) {
            get("/api/v1/me"); // the sign-in rotated the CSRF token; fetch the new cookie
        }
        return result;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Reply post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Reply patch(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Reply put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    /** Any method with a raw body as given (null: none), for tests of malformed requests. */
    public Reply raw(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    private Optional<String> xsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).filter(v -> !v.isEmpty()).findFirst();
    }

    private Reply send(HttpRequest.Builder b) {
        b.header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        xsrfToken().ifPresent(t -> b.header("X-XSRF-TOKEN", t));
        extraHeaders.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
