package dev.crosswalk.app.auth;

import dev.crosswalk.app.overlap.TenantData;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant's Salesforce Custom Objects integration as co-journey's flow leaves it: the data source's
 * Inbound connection (its Salesforce org and instance) and the Custom Objects integration naming it,
 * written straight into the tables; then the Outbound client registered through {@link OutboundClients}.
 */
record OutboundFixture(TenantData tenant, UUID integrationId, String salesforceOrgId, String instanceUrl, String clientId,
        String clientSecret) {
    private static final AtomicLong ORGS = new AtomicLong(System.nanoTime() % 1_000_000L);

    String redirectUri() {
        return instanceUrl + OutboundClients.CALLBACK_PATH;
    }

    String basic() {
        return OutboundBrowser.basic(clientId, clientSecret);
    }

    static OutboundFixture create(JdbcClient jdbc, OutboundClients clients, TenantData tenant) {
        String sfOrg = SalesforceIds.normalize("00D" + String.format("%012d", ORGS.incrementAndGet())).orElseThrow();
        return create(jdbc, clients, tenant, sfOrg, "https://org" + sfOrg.substring(9, 15).toLowerCase() + ".my.salesforce.com");
    }

    /** The same for a given Salesforce org and instance (an emulator org, whose Auth. Provider calls back on the emulator). */
    static OutboundFixture create(JdbcClient jdbc, OutboundClients clients, TenantData tenant, String sfOrg, String instance) {
        jdbc.sql("""
                        insert into salesforce_connection (id, organization_id, integration_id, direction, login_host, instance_url, sf_org_id,
                               sf_user_id, sf_username, access_token_enc, authorized_at)
                        values (?, ?, ?, 'INBOUND', 'login.salesforce.com', ?, ?, '005000000000001AAA', 'integration@example.com', ?, now())""")
                .params(UUID.randomUUID(), tenant.organizationId, tenant.integrationId, instance, sfOrg, new byte[] {1})
                .update();
        // Paused: its connection holds no real token, so the scheduler must not try to sync it.
        jdbc.sql("update integration set paused = true where id = ?").param(tenant.integrationId).update();
        UUID integration = UUID.randomUUID();
        jdbc.sql("""
                        insert into integration (id, organization_id, kind, name, status, paused, created_at, updated_at, source_integration_id)
                        values (?, ?, 'SALESFORCE_CUSTOM_OBJECTS', 'Salesforce Custom Objects', 'ACTIVE', true, now(), now(), ?)""")
                .params(integration, tenant.organizationId, tenant.integrationId).update();
        OutboundClients.ClientCredentials c = clients.register(tenant.organizationId, integration, sfOrg);
        return new OutboundFixture(tenant, integration, sfOrg, instance, c.clientId(), c.clientSecret());
    }
}
