package dev.crosswalk.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.EmulatorLogin;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.Syncs;
import dev.crosswalk.app.connection.ConnectionService;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.org.Member;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Push test plumbing: a tenant with its Salesforce data source synced, the package installed in its
 * emulator org with the integration user holding Crosswalk_Setup_User, and its Custom Objects
 * integration with an Inbound connection made through the real OAuth round trip.
 */
final class PushFixture {
    /** The real package, as an admin deploys it (the app module runs its tests from app/). */
    static final Path PACKAGE = Path.of("../salesforce-package");

    private PushFixture() {
    }

    record Tenant(UUID organizationId, String name, ApiClient admin, String integrationId, TestOrg sf, String email) {
    }

    static Tenant tenant(OrganizationService organizations, String baseUrl, String name, TestOrg sf) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + suffix + "@" + name.toLowerCase().replaceAll("[^a-z]", "") + "-" + suffix + ".example";
        String orgName = name + " " + suffix;
        Member m = organizations.createOrganization(orgName, email, "Admin", "tenant-password-1");
        ApiClient admin = new ApiClient(baseUrl, email, "tenant-password-1");
        String id = Syncs.connect(admin, sf);
        Syncs.awaitRun(admin, id, 1);
        return new Tenant(m.organizationId(), orgName, admin, id, sf, email);
    }

    static void installPackage(TestOrg sf) {
        PackageInstaller.install(sf.org(), PACKAGE);
        String ps = PermissionAdmin.permissionSetId(sf.org(), "Crosswalk_Setup_User").orElseThrow();
        PermissionAdmin.assign(sf.org(), sf.integrationUserId(), ps);
    }

    /** The Custom Objects integration with its Inbound connection, created as an admin does it: its OAuth round trip over the API. */
    static UUID customObjects(CustomObjectsIntegrations integrations, Tenant t) {
        ApiClient.Reply started = t.admin().post("/api/v1/integrations/salesforce-custom-objects/authorize",
                Map.of("sourceIntegrationId", t.integrationId()));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        URI callback = EmulatorLogin.signIn(URI.create(started.json().get("authorizeUrl").asString()), t.sf().integrationUsername(),
                SalesforceFixture.PASSWORD);
        ApiClient.Reply done = t.admin().get(callback.getPath() + "?" + callback.getRawQuery());
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        return integrations.forSource(t.organizationId(), UUID.fromString(t.integrationId())).orElseThrow().id();
    }

    static ConnectionService.Authorized authorize(ConnectionService connections, Tenant t, URI authorizeUrl) {
        URI callback = EmulatorLogin.signIn(authorizeUrl, t.sf().integrationUsername(), SalesforceFixture.PASSWORD);
        Map<String, String> q = new HashMap<>();
        UriComponentsBuilder.fromUri(callback).build().getQueryParams().toSingleValueMap()
                .forEach((k, v) -> q.put(k, java.net.URLDecoder.decode(v, java.nio.charset.StandardCharsets.UTF_8)));
        // The state belongs to the member who started the round trip: the tenant's admin.
        UUID memberId = UUID.fromString(t.admin().get("/api/v1/me").json().get("memberId").asString());
        return connections.finish(t.organizationId(), memberId, q.get("state"), q.get("code"), null, null);
    }

    static String population(ApiClient admin, String name, String object) {
        ApiClient.Reply r = admin.post("/api/v1/populations", Map.of("name", name, "baseObject", object, "filter",
                Map.of("type", "group", "logic", "AND", "children", List.of())));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("population").get("id").asString();
    }

    static void share(ApiClient admin, String population, String level, Map<String, List<String>> fields) {
        ApiClient.Reply r = admin.put("/api/v1/sharing/populations/" + population + "/default", Map.of("level", level, "fields", fields));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static void sync(Tenant t, int runs) {
        ApiClient.Reply r = t.admin().post("/api/v1/integrations/" + t.integrationId() + "/sync", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        Syncs.awaitRun(t.admin(), t.integrationId(), runs);
    }

    /** Ecosystem_Overlap__c as Salesforce holds it, read with SOQL by the Inbound connection: key → fields. */
    static Map<String, Map<String, String>> overlapRecords(ConnectionService connections, UUID connectionId) {
        Map<String, Map<String, String>> out = new HashMap<>();
        List<String> cols = EcosystemOverlap.COLUMNS;
        try (var rows = connections.open(connectionId).rest().query("SELECT Id, " + String.join(", ", cols) + " FROM "
                + EcosystemOverlap.OBJECT)) {
            rows.forEach(r -> {
                Map<String, String> m = new HashMap<>();
                for (String c : cols) {
                    m.put(c, r.get(c) == null || r.get(c).isNull() ? null : r.get(c).asString());
                }
                assertThat(out.put(m.get(EcosystemOverlap.KEY), m)).as("one record per key").isNull();
            });
        }
        return out;
    }

    static Map<String, List<String>> accountFields(ConnectionService connections, UUID connectionId) {
        try (var rows = connections.open(connectionId).rest().query("SELECT Id, Crosswalk_Partner_Count__c, Crosswalk_Partners__c"
                + " FROM Account WHERE Crosswalk_Partner_Count__c != null")) {
            return rows.collect(Collectors.toMap(r -> r.get("Id").asString(), r -> java.util.Arrays.asList(
                    r.get("Crosswalk_Partner_Count__c").isNull() ? null : String.valueOf(r.get("Crosswalk_Partner_Count__c").asInt()),
                    r.get("Crosswalk_Partners__c").isNull() ? null : r.get("Crosswalk_Partners__c").asString())));
        }
    }
}
