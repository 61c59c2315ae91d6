package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ConnectedApp;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.node.ObjectNode;

/**
 * Salesforce's token success body. Deliberately without {@code expires_in}: Salesforce does not
 * send one, and clients must learn expiry from a 401 (the behaviour this emulator exists to test).
 */
final class TokenResponses {
    private TokenResponses() {
    }

    /** The fields in Salesforce's order; {@code refreshToken} may be null (then the key is absent). */
    static Map<String, String> fields(EmulatorState state, Session session, String refreshToken, ConnectedApp app) {
        String id = identityUrl(state, session.org(), session.userId());
        String issuedAt = Long.toString(session.issuedAt().toEpochMilli());
        Map<String, String> f = new LinkedHashMap<>();
        f.put("access_token", session.token());
        if (refreshToken != null) {
            f.put("refresh_token", refreshToken);
        }
        f.put("signature", signature(id, issuedAt, app.clientSecret()));
        f.put("scope", Scopes.format(session.scopes()));
        f.put("instance_url", state.baseUrl());
        f.put("id", id);
        f.put("token_type", "Bearer");
        f.put("issued_at", issuedAt);
        return f;
    }

    /** JSON by default; {@code format=urlencoded} gives a form-encoded body (XML is not emulated). */
    static Response render(Map<String, String> fields, String format) {
        Response r;
        if ("urlencoded".equalsIgnoreCase(format)) {
            r = Response.text(200, "application/x-www-form-urlencoded;charset=UTF-8", urlEncoded(fields));
        } else {
            ObjectNode body = Json.object();
            fields.forEach(body::put);
            r = Response.json(200, body);
        }
        return r.header("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private");
    }

    static String identityUrl(EmulatorState state, Org org, String userId) {
        return state.baseUrl() + "/id/" + org.id() + "/" + Ids.normalize(userId).orElse(userId);
    }

    /** Base64 HMAC-SHA256 over {@code id + issued_at}, keyed with the client secret. */
    static String signature(String id, String issuedAt, String clientSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((id + issuedAt).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String urlEncoded(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> j.add(encode(k) + "=" + encode(v)));
        return j.toString();
    }

    /** Percent-encoding with {@code %20} for spaces, as Salesforce writes its redirect parameters. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
