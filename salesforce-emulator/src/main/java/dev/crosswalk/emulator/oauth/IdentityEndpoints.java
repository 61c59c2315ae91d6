package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who a token belongs to: the identity URL {@code GET /id/{orgId}/{userId}} (15- or 18-char ids)
 * and OIDC {@code GET /services/oauth2/userinfo}.
 *
 * <p>Bad or expired tokens: the identity URL answers {@link OAuthSettings#identityBadTokenStatus()}
 * (403) with the plain text {@code Bad_OAuth_Token}, as commonly reported for Salesforce; userinfo
 * answers 401 with {@code WWW-Authenticate: Bearer error="invalid_token"} and the REST
 * {@code INVALID_SESSION_ID} body, so clients that refresh on 401 recover. Both need a token with
 * the {@code id}, {@code openid}, {@code profile}, {@code email} or {@code full} scope (403
 * otherwise); another user's identity needs {@code api} or {@code full} and the same org (403
 * {@code Bad_Id} otherwise). Unknown user ids answer 404 {@code Bad_Id}.
 */
final class IdentityEndpoints {
    private static final Pattern VERSION = Pattern.compile("\\d{2}(\\.0)?");
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final EmulatorState state;
    private final ApiGate gate;
    private final OAuthSettings settings;

    IdentityEndpoints(EmulatorState state, ApiGate gate, OAuthSettings settings) {
        this.state = state;
        this.gate = gate;
        this.settings = settings;
    }

    Response identity(Request request) {
        Session session;
        try {
            session = gate.authenticate(request);
        } catch (ApiException e) {
            return text(settings.identityBadTokenStatus(), settings.identityBadTokenBody());
        }
        if (!Scopes.allowsIdentity(session.scopes())) {
            return text(403, "Insufficient_Scope");
        }
        Optional<String> orgId = Ids.normalize(request.pathVar("orgId"));
        Optional<String> userId = Ids.normalize(request.pathVar("userId"));
        if (orgId.isEmpty() || userId.isEmpty() || !orgId.get().equals(session.org().id())) {
            return text(403, "Bad_Id");
        }
        if (!userId.get().equals(session.userId()) && !Scopes.allowsOtherUsers(session.scopes())) {
            return text(403, "Bad_Id");
        }
        Optional<UserProfile> user = UserProfile.load(session.org(), userId.get());
        if (user.isEmpty()) {
            return text(404, "Bad_Id");
        }
        return Response.json(200, identityJson(session.org(), user.get(), request.query("version")));
    }

    Response userinfo(Request request) {
        Session session;
        try {
            session = gate.authenticate(request);
        } catch (ApiException e) {
            return e.toResponse().header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        if (!Scopes.allowsIdentity(session.scopes())) {
            return Response.empty(403).header("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
        }
        UserProfile u = UserProfile.load(session.org(), session.userId()).orElseThrow(ApiException::invalidSession);
        Org org = session.org();
        String id = TokenResponses.identityUrl(state, org, u.userId());
        ObjectNode n = Json.object();
        n.put("sub", id);
        n.put("user_id", u.userId());
        n.put("organization_id", org.id());
        n.put("preferred_username", u.username());
        n.put("nickname", nickname(u));
        n.put("name", u.displayName());
        n.put("email", u.email());
        n.put("email_verified", true);
        n.put("given_name", u.firstName());
        n.put("family_name", u.lastName());
        n.put("zoneinfo", u.timeZone());
        photos(n);
        n.put("profile", state.baseUrl() + "/" + u.userId().substring(0, 15));
        n.put("picture", photoUrl("F"));
        n.putNull("phone_number");
        n.put("phone_number_verified", false);
        n.putObject("address");
        n.put("is_salesforce_integration_user", false);
        n.set("urls", urls(org, u, request.query("version")));
        n.put("active", u.active());
        n.put("user_type", u.userTypeUpper());
        n.put("language", u.language());
        n.put("locale", u.locale());
        n.put("utcOffset", 0);
        n.put("updated_at", u.lastModified() == null ? null : ISO_SECONDS.format(u.lastModified()));
        n.put("is_app_installed", true);
        return Response.json(200, n);
    }

    private ObjectNode identityJson(Org org, UserProfile u, String version) {
        ObjectNode n = Json.object();
        n.put("id", TokenResponses.identityUrl(state, org, u.userId()));
        n.put("asserted_user", true);
        n.put("user_id", u.userId());
        n.put("organization_id", org.id());
        n.put("username", u.username());
        n.put("nick_name", nickname(u));
        n.put("display_name", u.displayName());
        n.put("email", u.email());
        n.put("email_verified", true);
        n.put("first_name", u.firstName());
        n.put("last_name", u.lastName());
        n.put("timezone", u.timeZone());
        photos(n);
        for (String k : new String[] {"addr_street", "addr_city", "addr_state", "addr_country", "addr_zip", "mobile_phone"}) {
            n.putNull(k);
        }
        n.put("mobile_phone_verified", false);
        n.put("is_lightning_login_user", false);
        ObjectNode status = n.putObject("status");
        status.putNull("created_date");
        status.putNull("body");
        n.set("urls", urls(org, u, version));
        n.put("active", u.active());
        n.put("user_type", u.userTypeUpper());
        n.put("language", u.language());
        n.put("locale", u.locale());
        n.put("utcOffset", 0);
        n.put("last_modified_date", u.lastModified() == null ? null
                : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'").withZone(ZoneOffset.UTC)
                        .format(u.lastModified().truncatedTo(ChronoUnit.MILLIS)));
        n.put("is_app_installed", true);
        return n;
    }

    /**
     * The API URLs with {@code {version}} left literal, as Salesforce does, unless the caller
     * passed {@code version} (a number like {@code 59.0} or {@code latest}).
     */
    private ObjectNode urls(Org org, UserProfile u, String version) {
        String v = "{version}";
        if ("latest".equalsIgnoreCase(version)) {
            v = state.options().maxApiVersion() + ".0";
        } else if (version != null && VERSION.matcher(version).matches()) {
            v = version.contains(".") ? version : version + ".0";
        }
        String base = state.baseUrl();
        String org15 = org.id15();
        String data = base + "/services/data/v" + v + "/";
        ObjectNode urls = Json.object();
        urls.put("enterprise", base + "/services/Soap/c/" + v + "/" + org15);
        urls.put("metadata", base + "/services/Soap/m/" + v + "/" + org15);
        urls.put("partner", base + "/services/Soap/u/" + v + "/" + org15);
        urls.put("rest", data);
        urls.put("sobjects", data + "sobjects/");
        urls.put("search", data + "search/");
        urls.put("query", data + "query/");
        urls.put("recent", data + "recent/");
        urls.put("tooling_soap", base + "/services/Soap/T/" + v + "/" + org15);
        urls.put("tooling_rest", data + "tooling/");
        urls.put("profile", base + "/" + u.userId().substring(0, 15));
        urls.put("feeds", data + "chatter/feeds");
        urls.put("groups", data + "chatter/groups");
        urls.put("users", data + "chatter/users");
        urls.put("feed_items", data + "chatter/feed-items");
        urls.put("feed_elements", data + "chatter/feed-elements");
        urls.put("custom_domain", base);
        return urls;
    }

    private void photos(ObjectNode n) {
        ObjectNode photos = n.putObject("photos");
        photos.put("picture", photoUrl("F"));
        photos.put("thumbnail", photoUrl("T"));
    }

    private String photoUrl(String size) {
        return state.baseUrl() + "/profilephoto/005/" + size;
    }

    private static String nickname(UserProfile u) {
        String name = u.username();
        int at = name == null ? -1 : name.indexOf('@');
        return at > 0 ? name.substring(0, at) : name;
    }

    private static Response text(int status, String body) {
        return Response.text(status, "text/plain;charset=UTF-8", body);
    }
}
