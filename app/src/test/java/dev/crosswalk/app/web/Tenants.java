package dev.crosswalk.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.Syncs;
import dev.crosswalk.app.org.Member;
import dev.crosswalk.app.org.OrganizationService;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Organizations of their own for the browser tests of populations and overlaps (the shared Acme
 * Corp collects integrations and populations from every other test): a fresh organization and
 * Admin, its own emulator org seeded by the caller, connected and synced once.
 */
final class Tenants {
    static final String PASSWORD = "tenant-password-1";

    private Tenants() {
    }

    record Tenant(String name, String email, UUID organizationId, ApiClient admin, String integrationId, TestOrg sf) {
    }

    static Tenant create(OrganizationService organizations, String baseUrl, String name, Consumer<TestOrg> seed) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String orgName = name + " " + suffix;
        String email = "admin-" + suffix + "@" + name.toLowerCase().replaceAll("[^a-z]", "") + "-" + suffix + ".example";
        Member admin = organizations.createOrganization(orgName, email, "Admin of " + name, PASSWORD);
        TestOrg sf = SalesforceFixture.newOrg(name + " SF " + suffix);
        seed.accept(sf);
        ApiClient api = new ApiClient(baseUrl, email, PASSWORD);
        String id = Syncs.connect(api, sf);
        assertThat(Syncs.awaitRun(api, id, 1).get("status").asString()).isEqualTo("SUCCEEDED");
        return new Tenant(orgName, email, admin.organizationId(), api, id, sf);
    }

    /** An Account with a Type (Customer, Prospect, …), as the standard populations read it. */
    static void account(TestOrg sf, String name, String website, String type) {
        String id = sf.addAccount(name, website).id();
        if (type != null) {
            sf.update("Account", id, "Type", type);
        }
    }
}
