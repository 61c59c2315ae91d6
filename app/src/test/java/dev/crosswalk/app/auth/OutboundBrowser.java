package dev.crosswalk.app.auth;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays both sides of the Outbound flow over real HTTP: a browser (cookies, no automatic redirects,
 * so each hop is checked) signing in to Crosswalk and answering the consent page, and the Salesforce
 * Auth. Provider redeeming codes and refresh tokens at the token endpoint with its client secret.
 */
final class OutboundBrowser {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HIDDEN = Pattern.compile("name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

    record Reply(int status, String location, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        /** A query parameter of the redirect target. */
        Optional<String> param(String name) {
            if (location == null || !location.contains("?")) {
                return Optional.empty();
            }
            for (String kv : location.substring(location.indexOf('?') + 1).split("&")) {
                String[] p = kv.split("=", 2);
                if (p[0].equals(name)) {
                    return Optional.of(URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        }
    }

    private final String base;
    private final HttpClient http;

    OutboundBrowser(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static String verifier() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String authorizePath(String clientId, String redirectUri, String state, String challenge, String method, String scope) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", clientId);
        q.put("redirect_uri", redirectUri);
        q.put("scope", scope);
        q.put("state", state);
        if (challenge != null) {
            q.put("code_challenge", challenge);
            q.put("code_challenge_method", method);
        }
        return "/oauth2/authorize?" + form(q);
    }

    Reply get(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
    }

    Reply postForm(String path, Map<String, List<String>> fields, String basicAuth) {
        String body = fields.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (basicAuth != null) {
            b.header("Authorization", "Basic " + basicAuth);
        }
        return send(b.build());
    }

    /** Signs in through the login page (its CSRF token included) and follows the redirect back. */
    Reply signIn(String email, String password) {
        Reply page = get("/login");
        Map<String, List<String>> f = new LinkedHashMap<>(hidden(page.body()));
        f.put("username", List.of(email));
        f.put("password", List.of(password));
        return postForm("/login", f, null);
    }

    /**
     * From an authorization request to the client's callback: signs in when sent to the login page,
     * then answers the consent page with {@code organization} selected (or what {@code tamper} makes of the form).
     */
    Reply authorize(String authorizePath, String email, String password, java.util.function.UnaryOperator<Map<String, List<String>>> tamper) {
        Reply r = get(authorizePath);
        if (r.status() == 302 && r.location().endsWith("/login")) {
            r = signIn(email, password);
            r = get(r.location());
        }
        if (r.status() == 302 && r.location().contains("/oauth2/consent")) {
            Reply consent = get(r.location());
            if (consent.status() != 200) {
                return consent;
            }
            return submitConsent(consent.body(), tamper);
        }
        return r;
    }

    Reply submitConsent(String consentPage, java.util.function.UnaryOperator<Map<String, List<String>>> tamper) {
        int start = consentPage.indexOf("<form id=\"consent-form\"");
        String form = start < 0 ? consentPage.substring(consentPage.indexOf("<form id=\"deny-form\""))
                : consentPage.substring(start, consentPage.indexOf("</form>", start));
        Map<String, List<String>> fields = hidden(form);
        Matcher org = Pattern.compile("name=\"organization\" value=\"([^\"]+)\"").matcher(form);
        if (org.find()) {
            fields.put("organization", List.of(org.group(1)));
        }
        return postForm("/oauth2/authorize", tamper.apply(fields), null);
    }

    static Map<String, List<String>> hidden(String html) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String input : html.split("<input")) {
            if (!input.contains("type=\"hidden\"")) {
                continue;
            }
            Matcher m = HIDDEN.matcher(input);
            if (m.find()) {
                out.computeIfAbsent(m.group(1), k -> new java.util.ArrayList<>()).add(m.group(2));
            }
        }
        return out;
    }

    Reply bearer(String path, String accessToken, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    // The Salesforce side: the Auth. Provider of the fixture's org.

    Reply authorize(OutboundFixture f, String verifier, String scope, java.util.function.UnaryOperator<Map<String, List<String>>> tamper) {
        return authorize(authorizePath(f.clientId(), f.redirectUri(), "sf-state-1", challenge(verifier), "S256", scope),
                f.tenant().adminEmail, f.tenant().password, tamper);
    }

    Reply redeem(OutboundFixture f, String code, String verifier) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("grant_type", List.of("authorization_code"));
        form.put("code", List.of(code));
        form.put("redirect_uri", List.of(f.redirectUri()));
        if (verifier != null) {
            form.put("code_verifier", List.of(verifier));
        }
        return postForm("/oauth2/token", form, f.basic());
    }

    Reply refresh(OutboundFixture f, String refreshToken) {
        return postForm("/oauth2/token", Map.of("grant_type", List.of("refresh_token"), "refresh_token", List.of(refreshToken)), f.basic());
    }

    Reply introspect(OutboundFixture f, String token) {
        return postForm("/oauth2/introspect", Map.of("token", List.of(token)), f.basic());
    }

    /** A complete, honest authorization: the token endpoint's answer. */
    JsonNode connect(OutboundFixture f, String scope) {
        String verifier = verifier();
        Reply back = authorize(f, verifier, scope, java.util.function.UnaryOperator.identity());
        if (back.status() != 302 || !back.location().startsWith(f.redirectUri() + "?") || !back.param("state").orElse("").equals("sf-state-1")) {
            throw new AssertionError("authorization did not come back to the client: " + back);
        }
        Reply token = redeem(f, back.param("code").orElseThrow(), verifier);
        if (token.status() != 200) {
            throw new AssertionError("token endpoint: " + token);
        }
        return token.json();
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> q) {
        return q.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String basic(String clientId, String secret) {
        return Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
    }
}
