package dev.crosswalk.app;

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
 * Signs in to the emulator's OAuth login form over plain HTTP, the way a browser would,
 * and returns where Salesforce sends the browser back (the service's callback URL with code and state).
 */
public final class EmulatorLogin {
    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"request_id\"");

    private EmulatorLogin() {
    }

    public static URI signIn(URI authorizeUrl, String username, String password) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = send(http, HttpRequest.newBuilder(authorizeUrl).GET().build());
        if (page.statusCode() == 302) {
            return URI.create(page.headers().firstValue("Location").orElseThrow());
        }
        String requestId = requestId(page.body());
        URI post = authorizeUrl.resolve("/services/oauth2/authorize");
        HttpResponse<String> afterLogin = send(http, form(post, "request_id=" + enc(requestId) + "&username=" + enc(username)
                + "&password=" + enc(password)));
        if (afterLogin.statusCode() == 302) {
            return URI.create(afterLogin.headers().firstValue("Location").orElseThrow());
        }
        if (!afterLogin.body().contains("approve-form")) {
            throw new IllegalStateException("login failed: " + afterLogin.body());
        }
        HttpResponse<String> approved = send(http, form(post, "request_id=" + enc(requestId(afterLogin.body())) + "&decision=allow"));
        return URI.create(approved.headers().firstValue("Location").orElseThrow());
    }

    private static String requestId(String html) {
        Matcher m = REQUEST_ID.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no request_id in the emulator's page: " + html);
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

    private static HttpResponse<String> send(HttpClient http, HttpRequest r) {
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
