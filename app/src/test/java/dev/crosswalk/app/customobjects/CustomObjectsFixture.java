package dev.crosswalk.app.customobjects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.EmulatorLogin;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Emulator orgs with the Crosswalk package installed and its integration user set up as the
 * package's README asks (the Crosswalk Setup User permission set, plus "View Setup and
 * Configuration" so the preflight can read permission assignments), and the Custom Objects
 * integration's OAuth round trip over the API.
 */
final class CustomObjectsFixture {
    static final String PERMISSION_SET = "Crosswalk_Setup_User";

    private CustomObjectsFixture() {
    }

    /** The repository's package, as an admin deploys it (tests run in the app module's directory). */
    static Path packageDir() {
        return Path.of("..", "salesforce-package").toAbsolutePath().normalize();
    }

    /** A fresh org with the package installed and the integration user holding its permission set. */
    static TestOrg orgWithPackage(String name) {
        TestOrg sf = SalesforceFixture.newOrg(name);
        PackageInstaller.install(sf.org(), packageDir());
        String setupReader = PermissionAdmin.createPermissionSet(sf.org(), "Setup_Reader", "Setup Reader",
                Map.of("PermissionsViewSetup", true));
        PermissionAdmin.assign(sf.org(), sf.integrationUserId(), setupReader);
        assign(sf);
        return sf;
    }

    static void assign(TestOrg sf) {
        PermissionAdmin.assign(sf.org(), sf.integrationUserId(), permissionSetId(sf));
    }

    static void unassign(TestOrg sf) {
        PermissionAdmin.unassign(sf.org(), sf.integrationUserId(), permissionSetId(sf));
    }

    /** Gives the permission set access to the package's setup page again (what an admin does in Setup). */
    static void grantPage(TestOrg sf) {
        String pageId = sf.org().read(() -> {
            var store = sf.org().store("ApexPage");
            var name = store.type().require("Name");
            return store.all().stream().filter(r -> "CrosswalkSetup".equals(r.get(name))).findFirst().orElseThrow().id();
        });
        PermissionAdmin.grantSetupEntityAccess(sf.org(), permissionSetId(sf), pageId, "ApexPage");
    }

    static String permissionSetId(TestOrg sf) {
        return PermissionAdmin.permissionSetId(sf.org(), PERMISSION_SET).orElseThrow();
    }

    /** Starts the Inbound authorization over the API and signs in as {@code username}; returns the callback's reply. */
    static ApiClient.Reply authorize(ApiClient admin, String sourceIntegrationId, String username) {
        ApiClient.Reply started = admin.post("/api/v1/integrations/salesforce-custom-objects/authorize",
                Map.of("sourceIntegrationId", sourceIntegrationId));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        URI callback = EmulatorLogin.signIn(URI.create(started.json().get("authorizeUrl").asString()), username,
                SalesforceFixture.PASSWORD);
        return admin.get(callback.getPath() + "?" + callback.getRawQuery());
    }
}
