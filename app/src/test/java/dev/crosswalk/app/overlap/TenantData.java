package dev.crosswalk.app.overlap;

import dev.crosswalk.app.org.Member;
import dev.crosswalk.app.org.OrganizationService;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test tenants with synced records written straight into {@code crm_record} (as the sync would),
 * for tests about what happens after a sync without running one against the emulator.
 */
public final class TenantData {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    public final UUID organizationId;
    public final UUID integrationId;
    public final String adminEmail;
    public final String password = "tenant-password-1";
    public final String name;
    private final JdbcClient jdbc;
    private Instant syncedAt = Instant.parse("2026-01-01T00:00:00Z");

    private TenantData(JdbcClient jdbc, String name, UUID organizationId, UUID integrationId, String adminEmail) {
        this.jdbc = jdbc;
        this.name = name;
        this.organizationId = organizationId;
        this.integrationId = integrationId;
        this.adminEmail = adminEmail;
    }

    public static TenantData create(OrganizationService organizations, JdbcClient jdbc, String baseName) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = baseName + " " + suffix;
        String email = "admin-" + suffix + "@" + baseName.toLowerCase().replaceAll("[^a-z]", "") + "-" + suffix + ".example";
        Member admin = organizations.createOrganization(name, email, "Admin", "tenant-password-1");
        UUID integration = UUID.randomUUID();
        jdbc.sql("""
                insert into integration (id, organization_id, kind, name, settings, status, created_at, updated_at)
                values (?, ?, 'SALESFORCE_DATA_SOURCE', 'test', cast(? as jsonb), 'ACTIVE', now(), now())""")
                .params(integration, admin.organizationId(),
                        "{\"Account\":[\"Type\",\"Industry\",\"NumberOfEmployees\"],\"Lead\":[\"Email\",\"Company\",\"Status\"]}")
                .update();
        return new TenantData(jdbc, name, admin.organizationId(), integration, email);
    }

    public static String newSfId(String prefix) {
        String digits = String.format("%015d", IDS.incrementAndGet());
        return prefix + digits.substring(3) + "AAA";
    }

    /** Starts a new "sync": records written after this get a later synced_at. */
    public Instant nextSync() {
        syncedAt = syncedAt.plusSeconds(60);
        return syncedAt;
    }

    public String account(String name, String website, String type) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Name", name);
        f.put("Website", website);
        f.put("Type", type);
        String id = newSfId("001");
        put("Account", id, f, false);
        return id;
    }

    public void put(String object, String sfId, Map<String, String> fields, boolean deleted) {
        Map<String, String> f = new LinkedHashMap<>(fields);
        f.put("Id", sfId);
        jdbc.sql("""
                insert into crm_record (organization_id, integration_id, object, sf_id, fields, is_deleted, system_modstamp, synced_at)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
                on conflict (integration_id, object, sf_id) do update set fields = excluded.fields, is_deleted = excluded.is_deleted,
                    system_modstamp = excluded.system_modstamp, synced_at = excluded.synced_at""")
                .params(organizationId, integrationId, object, sfId, JSON.writeValueAsString(f), deleted,
                        Timestamp.from(syncedAt), Timestamp.from(syncedAt))
                .update();
    }
}
