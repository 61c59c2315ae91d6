package dev.crosswalk.emulator.credentials;

import dev.crosswalk.emulator.credentials.NamedCredentialConfig.AuthProvider;
import dev.crosswalk.emulator.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Salesforce's side of the token endpoint: redeems an authorization code or a refresh token at
 * the Auth. Provider's {@code tokenUrl}, sending the client credentials as HTTP Basic when the
 * provider says so ({@code sendClientCredentialsInHeader}), else in the form body.
 */
final class TokenClient {
    /** A token answer; {@code refreshToken} may be null when the server does not rotate it. */
    record Grant(String accessToken, String refreshToken) {
    }

    /** The authorization server refused (4xx with an OAuth error) or could not be reached. */
    static final class TokenException extends Exception {
        TokenException(String message) {
            super(message);
        }
    }

    private final HttpClient http;

    TokenClient(HttpClient http) {
        this.http = http;
    }

    Grant redeemCode(AuthProvider provider, String code, String redirectUri, String verifier) throws TokenException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return post(provider, form);
    }

    Grant refresh(AuthProvider provider, String refreshToken) throws TokenException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return post(provider, form);
    }

    private Grant post(AuthProvider provider, Map<String, String> form) throws TokenException {
        if (provider.tokenUrl() == null || provider.clientId() == null) {
            throw new TokenException("The Auth. Provider " + provider.name() + " has no token URL or consumer key");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(provider.tokenUrl()))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        String secret = provider.clientSecret() == null ? "" : provider.clientSecret();
        if (provider.credentialsInHeader()) {
            String pair = enc(provider.clientId()) + ":" + enc(secret);
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", provider.clientId());
            form.put("client_secret", secret);
        }
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<String> r;
        try {
            r = http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenException("The token endpoint " + provider.tokenUrl() + " is not reachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException("interrupted");
        }
        JsonNode json;
        try {
            json = Json.parse(r.body().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new TokenException("The token endpoint answered HTTP " + r.statusCode() + " without JSON");
        }
        if (r.statusCode() / 100 != 2 || json == null || !json.hasNonNull("access_token")) {
            String error = json == null ? "" : json.path("error").asString("");
            String description = json == null ? "" : json.path("error_description").asString("");
            throw new TokenException((error.isEmpty() ? "HTTP " + r.statusCode() : error)
                    + (description.isEmpty() ? "" : ": " + description));
        }
        return new Grant(json.get("access_token").asString(),
                json.hasNonNull("refresh_token") ? json.get("refresh_token").asString() : null);
    }

    /** Form encoding, also what RFC 6749 section 2.3.1 asks for inside the Basic header. */
    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
