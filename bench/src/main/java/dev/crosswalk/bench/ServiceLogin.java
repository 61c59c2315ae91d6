package dev.crosswalk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs in to a running service as a browser does (login form with its CSRF cookie) and creates a
 * personal API token with that session, which is how scripts get one (HTTP Basic is gone).
 */
final class ServiceLogin {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A signed-in browser session: the cookies to send, and the CSRF token for writes. */
    record Session(String sessionId, String xsrf) {
        String cookieHeader() {
            return "JSESSIONID=" + sessionId + "; XSRF-TOKEN=" + xsrf;
        }

        @Override
        public String toString() {
            return "Session[…]";
        }
    }

    private ServiceLogin() {
    }

    static Session signIn(HttpClient http, String base, String email, String password) throws IOException, InterruptedException {
        String xsrf = cookie(http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.discarding()), "XSRF-TOKEN").orElseThrow();
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(xsrf, StandardCharsets.UTF_8);
        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "XSRF-TOKEN=" + xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("sign-in failed: " + login.statusCode() + " " + location);
        }
        String session = cookie(login, "JSESSIONID").orElseThrow();
        // The sign-in rotated the CSRF token; the next request hands out the new one.
        String fresh = cookie(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("Cookie", "JSESSIONID=" + session)
                .build(), HttpResponse.BodyHandlers.discarding()), "XSRF-TOKEN").orElseThrow();
        return new Session(session, fresh);
    }

    /** Creates a personal API token with the session; returns the secret (shown only once). */
    static String createToken(HttpClient http, String base, Session s, String name) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Content-Type", "application/json").header("Cookie", s.cookieHeader()).header("X-XSRF-TOKEN", s.xsrf())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("name", name)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("creating an API token failed: " + r.statusCode());
        }
        return JSON.readTree(r.body()).get("token").asString();
    }

    private static Optional<String> cookie(HttpResponse<?> r, String name) {
        List<String> all = r.headers().allValues("set-cookie");
        return all.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length()
                : c.indexOf(';'))).filter(v -> !v.isEmpty()).findFirst();
    }
}
