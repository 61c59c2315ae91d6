package dev.crosswalk.salesforce;

import dev.crosswalk.salesforce.internal.ErrorClassifier;
import dev.crosswalk.salesforce.internal.Forms;
import dev.crosswalk.salesforce.internal.Json;
import dev.crosswalk.salesforce.internal.LimitInfoParser;
import dev.crosswalk.salesforce.internal.Pkce;
import dev.crosswalk.salesforce.internal.TokenResponses;
import dev.crosswalk.salesforce.internal.Transport;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@link OAuthApi} over the JDK HTTP client. Token endpoint calls are never retried (rotation). */
final class DefaultOAuthApi implements OAuthApi {

    private final ClientConfig config;
    private final Transport transport;
    private final CallCounter counter;

    DefaultOAuthApi(ClientConfig config, Transport transport, CallCounter counter) {
        this.config = config;
        this.transport = transport;
        this.counter = counter;
    }

    @Override
    public AuthorizationRequest authorizationRequest(LoginHost host, String redirectUri, Set<String> scopes,
                                                     boolean forceLogin) {
        config.instanceUrlPolicy().requireAllowed(host.baseUrl());
        String verifier = Pkce.newVerifier();
        String state = Pkce.newState();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", config.clientId());
        q.put("redirect_uri", redirectUri);
        if (scopes != null && !scopes.isEmpty()) {
            q.put("scope", String.join(" ", scopes));
        }
        q.put("state", state);
        q.put("code_challenge", Pkce.challenge(verifier));
        q.put("code_challenge_method", "S256");
        if (forceLogin) {
            q.put("prompt", "login");
        }
        URI url = URI.create(host.baseUrl() + "/services/oauth2/authorize?" + Forms.encode(q));
        return new AuthorizationRequest(url, state, verifier, redirectUri, host);
    }

    @Override
    public Credentials exchangeCode(LoginHost host, String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return token(host.baseUrl(), form);
    }

    @Override
    public Credentials refresh(Credentials current) {
        if (!current.canRefresh()) {
            throw new SalesforceException(ErrorClassifier.noRefreshToken());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", current.refreshToken());
        return token(current.instanceUrl(), form);
    }

    @Override
    public Credentials passwordGrant(LoginHost host, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("username", username);
        form.put("password", password);
        return token(host.baseUrl(), form);
    }

    @Override
    public void revoke(Credentials credentials, boolean revokeRefreshToken) {
        String token = revokeRefreshToken && credentials.canRefresh()
                ? credentials.refreshToken() : credentials.accessToken();
        URI uri = config.instanceUrlPolicy().requireAllowed(credentials.instanceUrl() + "/services/oauth2/revoke");
        HttpRequest request = form(uri, Map.of("token", token)).build();
        close(checked(transport.send(request, CallKind.AUTH, 1, counter, l -> { })));
    }

    @Override
    public UserIdentity userInfo(Credentials credentials) {
        return parseIdentity(bearerGet(credentials.instanceUrl() + "/services/oauth2/userinfo", credentials));
    }

    @Override
    public UserIdentity identity(Credentials credentials) {
        if (credentials.identityUrl() == null) {
            return userInfo(credentials);
        }
        return parseIdentity(bearerGet(credentials.identityUrl(), credentials));
    }

    JsonNode bearerGet(String url, Credentials credentials) {
        URI uri = config.instanceUrlPolicy().requireAllowed(url);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + credentials.accessToken())
                .header("Accept", "application/json").GET();
        http11(uri, b);
        return readJson(checked(transport.send(b.build(), CallKind.AUTH, 1, counter, l -> { })));
    }

    static UserIdentity parseIdentity(JsonNode n) {
        String username = Json.text(n, "username");
        if (username == null) {
            username = Json.text(n, "preferred_username");
        }
        String display = Json.text(n, "display_name");
        if (display == null) {
            display = Json.text(n, "name");
        }
        JsonNode active = n.get("active");
        return new UserIdentity(Json.text(n, "user_id"), Json.text(n, "organization_id"), username, display,
                Json.text(n, "email"), active == null || active.asBoolean(true), Json.text(n, "user_type"));
    }

    private Credentials token(String baseUrl, Map<String, String> params) {
        URI uri = config.instanceUrlPolicy().requireAllowed(baseUrl + "/services/oauth2/token");
        Map<String, String> form = new LinkedHashMap<>(params);
        form.put("client_id", config.clientId());
        if (config.clientSecret() != null) {
            form.put("client_secret", config.clientSecret());
        }
        form.put("format", "json");
        HttpResponse<InputStream> response = transport.send(form(uri, form).build(), CallKind.AUTH, 1, counter,
                l -> { });
        return TokenResponses.parse(readJson(checked(response)), config.instanceUrlPolicy(), config.clock());
    }

    private HttpRequest.Builder form(URI uri, Map<String, String> form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(form)));
        http11(uri, b);
        return b;
    }

    private static void http11(URI uri, HttpRequest.Builder b) {
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            b.version(HttpClient.Version.HTTP_1_1);
        }
    }

    private static HttpResponse<InputStream> checked(HttpResponse<InputStream> response) {
        if (response.statusCode() >= 400) {
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(64 * 1024);
            } catch (IOException e) {
                body = new byte[0];
            }
            throw new SalesforceException(ErrorClassifier.classify(response.statusCode(), body,
                    LimitInfoParser.parse(response.headers().firstValue(LimitInfoParser.HEADER).orElse(null))));
        }
        return response;
    }

    private static JsonNode readJson(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return Json.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new SalesforceException(ErrorClassifier.ioFailure("reading token response failed"), e);
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
