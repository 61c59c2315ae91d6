package dev.crosswalk.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.overlap.TenantData;
import dev.crosswalk.app.population.PopulationService;
import dev.crosswalk.app.record.RecordKeyService;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Outbound connection end to end through the emulator as Salesforce: the package's External
 * Credential authenticated in Salesforce against Crosswalk's authorization server (sign-in, the
 * organization selected on the consent page), then Apex-style {@code callout:Crosswalk/…} requests
 * (the emulator's {@code /_emulator/callout/Crosswalk/…}) arriving at the package API with the
 * Outbound token: the status and a record page's overlaps. Refused when the token was revoked on
 * Crosswalk's side (the emulator's refresh fails too) and when another Salesforce org presents a
 * token of this org's client.
 */
class OutboundEmulatorIT extends AppIntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

    @Autowired
    OrganizationService organizations;
    @Autowired
    OutboundClients clients;
    @Autowired
    PopulationService populations;
    @Autowired
    RecordKeyService keys;
    @Autowired
    JdbcClient jdbc;

    /** A browser's cookies and redirects, over both hosts (the emulator's sid and Crosswalk's session). */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> send(HttpRequest r) {
            try {
                return http.send(r, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
        }

        HttpResponse<String> get(String url, Map<String, String> headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET();
            headers.forEach(b::header);
            return send(b.build());
        }

        HttpResponse<String> post(String url, Map<String, List<String>> fields) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(OutboundBrowser.form(fields.entrySet()
                            .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0),
                                    (a, b) -> a, LinkedHashMap::new))))).build());
        }

        /** The emulator's site login; the {@code sid} cookie then signs in every Salesforce page and callout. */
        void salesforceLogin(String username, String startUrl) {
            HttpResponse<String> r = post(SalesforceFixture.url() + "/", Map.of("username", List.of(username), "password",
                    List.of(SalesforceFixture.PASSWORD), "startURL", List.of(startUrl)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        }

        static String location(HttpResponse<String> r, String base) {
            String l = r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + r.statusCode()
                    + " " + r.body()));
            return l.startsWith("http") ? l : base + l;
        }
    }

    private record Org(TestOrg sf, String adminUsername) {
    }

    private static Org salesforceOrgWithPackage(String name) {
        TestOrg sf = SalesforceFixture.newOrg(name);
        PackageInstaller.install(sf.org(), Path.of("..", "salesforce-package").toAbsolutePath().normalize());
        PermissionAdmin.assign(sf.org(), sf.integrationUserId(), PermissionAdmin.permissionSetId(sf.org(), "Crosswalk_Setup_User").orElseThrow());
        String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@outbound.example";
        SalesforceFixture.emulator().state().createUser(sf.org(), new EmulatorState.NewUser(admin, "Ada", "Admin", admin,
                EmulatorState.PROFILE_ADMIN), SalesforceFixture.PASSWORD);
        return new Org(sf, admin);
    }

    /** Salesforce Setup: the Named Credential's URL and the Auth. Provider with this client's id and secret. */
    private void configure(Org org, OutboundFixture client) {
        Map<String, Object> body = Map.of("org", org.sf().org().id(), "name", "Crosswalk", "url", baseUrl(), "authProvider",
                Map.of("name", "Crosswalk", "authorizeUrl", baseUrl() + "/oauth2/authorize", "tokenUrl", baseUrl() + "/oauth2/token",
                        "clientId", client.clientId(), "clientSecret", client.clientSecret(), "scopes", "overlaps:read setup"));
        HttpResponse<String> r = new Browser().send(HttpRequest.newBuilder(URI.create(SalesforceFixture.url() + "/_emulator/named-credentials"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /**
     * Salesforce's "Authenticate" of the External Credential's principal, as the org's admin, through Crosswalk's
     * sign-in and consent (the organization selected) back to Salesforce's callback. Returns the last page.
     */
    private HttpResponse<String> authenticate(Org org, TenantData crosswalkAdmin) {
        Browser b = new Browser();
        b.salesforceLogin(org.adminUsername(), "/services/auth/xds/Crosswalk");
        String url = SalesforceFixture.url() + "/services/auth/xds/Crosswalk";
        for (int hop = 0; hop < 12; hop++) {
            HttpResponse<String> r = b.get(url);
            String base = url.startsWith(baseUrl() + "/") ? baseUrl() : SalesforceFixture.url();
            if (r.statusCode() == 302) {
                String next = Browser.location(r, base);
                if (next.equals(baseUrl() + "/login")) {
                    HttpResponse<String> page = b.get(next);
                    Map<String, List<String>> f = new LinkedHashMap<>(OutboundBrowser.hidden(page.body()));
                    f.put("username", List.of(crosswalkAdmin.adminEmail));
                    f.put("password", List.of(crosswalkAdmin.password));
                    next = Browser.location(b.post(baseUrl() + "/login", f), baseUrl());
                }
                url = next;
                continue;
            }
            if (r.statusCode() == 200 && r.body().contains("id=\"consent-form\"")) {
                String page = r.body();
                String form = page.substring(page.indexOf("<form id=\"consent-form\""), page.indexOf("</form>", page.indexOf("<form id=\"consent-form\"")));
                Map<String, List<String>> fields = new LinkedHashMap<>();
                Matcher m = HIDDEN.matcher(form);
                while (m.find()) {
                    fields.computeIfAbsent(m.group(1), k -> new java.util.ArrayList<>()).add(m.group(2));
                }
                Matcher o = Pattern.compile("name=\"organization\" value=\"([^\"]+)\"").matcher(form);
                assertThat(o.find()).as("the consent page offers the organization").isTrue();
                fields.put("organization", List.of(o.group(1)));
                // Several scopes: posted as repeated fields.
                String body = fields.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> OutboundBrowser.enc(e.getKey()) + "="
                        + OutboundBrowser.enc(v))).collect(java.util.stream.Collectors.joining("&"));
                HttpResponse<String> back = b.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/authorize"))
                        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
                url = Browser.location(back, baseUrl());
                continue;
            }
            return r;
        }
        throw new AssertionError("the authentication did not finish");
    }

    /** {@code callout:Crosswalk/<path>} made by a Salesforce user of the org, with the headers the package's Apex sets. */
    private static HttpResponse<String> callout(Org org, String path) {
        Browser user = new Browser();
        user.salesforceLogin(org.sf().integrationUsername(), "/");
        return user.get(SalesforceFixture.url() + "/_emulator/callout/Crosswalk" + path, Map.of("Crosswalk-Salesforce-Org-Id",
                org.sf().org().id(), "Crosswalk-Salesforce-User-Id", org.sf().integrationUserId()));
    }

    private void share(ApiClient admin, UUID population, String level, List<String> fields) {
        ApiClient.Reply r = admin.put("/api/v1/sharing/populations/" + population + "/default",
                Map.of("level", level, "fields", Map.of("Account", fields)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void callouts_through_the_named_credential_read_status_and_overlaps_until_the_tokens_are_revoked() {
        Org org = salesforceOrgWithPackage("Outbound Callouts");
        TenantData north = TenantData.create(organizations, jdbc, "Northwind");
        TenantData south = TenantData.create(organizations, jdbc, "Southbay");
        OutboundFixture client = OutboundFixture.create(jdbc, clients, north,
                SalesforceIds.normalize(org.sf().org().id()).orElseThrow(), SalesforceFixture.url());
        north.nextSync();
        String acme = north.account("Acme Inc", "https://www.Acme.com/about", "Customer");
        populations.refreshAfterSync(north.organizationId, north.integrationId);
        keys.recompute(north.organizationId, north.integrationId);
        south.nextSync();
        south.account("ACME", "acme.com", "Customer");
        populations.refreshAfterSync(south.organizationId, south.integrationId);
        keys.recompute(south.organizationId, south.integrationId);
        ApiClient northAdmin = new ApiClient(baseUrl(), north.adminEmail, north.password);
        ApiClient southAdmin = new ApiClient(baseUrl(), south.adminEmail, south.password);
        String partnership = northAdmin.post("/api/v1/partnerships", Map.of("partner", south.name)).json().get("id").asString();
        assertThat(southAdmin.post("/api/v1/partnerships/" + partnership + "/accept", Map.of()).status()).isEqualTo(200);
        share(southAdmin, populations.idsByName(south.organizationId).get("Customers"), "OVERLAPPING", List.of("Name", "Type"));

        configure(org, client);
        // Before the principal is authenticated, a callout fails in Salesforce and never reaches Crosswalk.
        HttpResponse<String> before = callout(org, "/api/package/v1/status");
        assertThat(before.statusCode()).isEqualTo(500);
        assertThat(before.body()).contains("CALLOUT_EXCEPTION").contains("isn't authenticated");

        HttpResponse<String> done = authenticate(org, north);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("is authenticated");

        HttpResponse<String> status = callout(org, "/api/package/v1/status");
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        JsonNode s = JSON.readTree(status.body());
        assertThat(s.get("organization").asString()).isEqualTo(north.name);
        assertThat(s.get("salesforceOrgId").asString()).isEqualTo(client.salesforceOrgId());
        assertThat(s.get("scopes").valueStream().map(JsonNode::asString).toList()).contains("overlaps:read", "setup");

        HttpResponse<String> page = callout(org, "/api/package/v1/records/" + acme + "/overlaps");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode overlaps = JSON.readTree(page.body()).get("overlaps");
        assertThat(overlaps.size()).isEqualTo(1);
        assertThat(overlaps.get(0).get("partnerName").asString()).isEqualTo(south.name);
        assertThat(overlaps.get(0).get("partnerFields").propertyNames()).containsExactlyInAnyOrder("Name", "Type");

        // Crosswalk's Outbound row: who authorized, the callout received and the Salesforce user who made it.
        OutboundClients.OutboundStatus row = clients.status(north.organizationId, client.integrationId()).orElseThrow();
        assertThat(row.tokenHealth()).isEqualTo(OutboundClients.TokenHealth.ACTIVE);
        assertThat(row.authorizedByEmail()).isEqualTo(north.adminEmail);
        assertThat(row.lastCalloutAt()).isNotNull();
        assertThat(row.lastCalloutSalesforceUserId()).isEqualTo(SalesforceIds.normalize(org.sf().integrationUserId()).orElseThrow());

        // Revoked on Crosswalk's side: the access token is refused, Salesforce's refresh is refused, the callout fails.
        assertThat(clients.revokeAll(north.organizationId, client.integrationId())).isPositive();
        HttpResponse<String> revoked = callout(org, "/api/package/v1/records/" + acme + "/overlaps");
        assertThat(revoked.statusCode()).isEqualTo(500);
        assertThat(revoked.body()).contains("refreshing it failed").contains("invalid_grant").doesNotContain("Acme");
        assertThat(clients.status(north.organizationId, client.integrationId()).orElseThrow().tokenHealth())
                .isEqualTo(OutboundClients.TokenHealth.REVOKED);
        // Salesforce forgot the dead tokens: the principal needs authenticating again.
        assertThat(callout(org, "/api/package/v1/status").body()).contains("isn't authenticated");
    }

    @Test
    void a_token_of_this_orgs_client_presented_by_another_salesforce_org_is_refused() {
        Org org = salesforceOrgWithPackage("Outbound Home");
        Org other = salesforceOrgWithPackage("Outbound Elsewhere");
        TenantData north = TenantData.create(organizations, jdbc, "Northwind");
        OutboundFixture client = OutboundFixture.create(jdbc, clients, north,
                SalesforceIds.normalize(org.sf().org().id()).orElseThrow(), SalesforceFixture.url());
        // The other org's admin set up its Auth. Provider with this org's client (both orgs call back on the same host
        // in the emulator, so the redirect URI does not tell them apart; a real org's My Domain would).
        configure(other, client);
        assertThat(authenticate(other, north).body()).contains("is authenticated");

        HttpResponse<String> refused = callout(other, "/api/package/v1/status");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("another Salesforce org").doesNotContain(north.name);
        OutboundClients.OutboundStatus row = clients.status(north.organizationId, client.integrationId()).orElseThrow();
        assertThat(row.lastRefusedReason()).contains("another Salesforce org");
        // The other org's Crosswalk Setup page (its Apex names its org too) reads "Not authorized".
        Browser user = new Browser();
        user.salesforceLogin(other.sf().integrationUsername(), "/apex/CrosswalkSetup");
        assertThat(user.get(SalesforceFixture.url() + "/apex/CrosswalkSetup").body()).contains("Not authorized");
    }
}
