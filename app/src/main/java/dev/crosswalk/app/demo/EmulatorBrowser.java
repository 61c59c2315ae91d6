package dev.crosswalk.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the admin's browser against the emulator's sign-in page, so the demo connects through
 * the very OAuth round trip a person would make (authorize → login form → approval → callback).
 */
public final class EmulatorBrowser {
    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"request_id\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Signs in and returns the callback URL Salesforce redirects to (with {@code code} and {@code state}). */
    public URI signIn(URI authorizeUrl, String username, String password) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(authorizeUrl).GET().build());
        if (page.statusCode() == 302) {
            return location(page);
        }
        URI post = authorizeUrl.resolve("/services/oauth2/authorize");
        HttpResponse<String> afterLogin = send(form(post, "request_id=" + enc(requestId(page.body())) + "&username=" + enc(username)
                + "&password=" + enc(password)));
        if (afterLogin.statusCode() == 302) {
            return location(afterLogin);
        }
        if (!afterLogin.body().contains("approve-form")) {
            throw new IllegalStateException("the emulator did not accept the sign-in of " + username);
        }
        return location(send(form(post, "request_id=" + enc(requestId(afterLogin.body())) + "&decision=allow")));
    }

    private static URI location(HttpResponse<String> r) {
        return URI.create(r.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("the emulator did not redirect (HTTP " + r.statusCode() + ")")));
    }

    private static String requestId(String html) {
        Matcher m = REQUEST_ID.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("the emulator's sign-in page has no request_id (wrong password?)");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static HttpRequest form(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
