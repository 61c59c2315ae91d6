package dev.crosswalk.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.connection.ConnectionService;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.push.PushFixture.Tenant;
import dev.crosswalk.app.web.BrowserTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rejected rows in Chromium: every page of the Custom Objects integration has a Rejected rows tab
 * with the count; the tab shows the counts by Salesforce error code and each row with Salesforce's
 * message and the fix; axe-core finds nothing serious and the page fits 390 px.
 */
class RejectedRowsPageIT extends BrowserTest {
    @Autowired
    OrganizationService organizations;
    @Autowired
    CustomObjectsIntegrations customObjects;
    @Autowired
    ConnectionService connections;
    @Autowired
    PushEngine pushEngine;

    @Test
    void the_integration_pages_link_the_rejected_rows_with_their_counts_and_fixes() {
        String sfx = UUID.randomUUID().toString().substring(0, 6);
        TestOrg sfA = SalesforceFixture.newOrg("Rejected Acme");
        TestOrg sfB = SalesforceFixture.newOrg("Rejected Globex");
        PushFixture.installPackage(sfA);
        for (String n : List.of("north", "south")) {
            sfA.addAccount(n + " Acme", n + "-" + sfx + ".com");
            sfB.addAccount(n + " Globex", n + "-" + sfx + ".com");
        }
        String lost = sfA.addAccount("Soon gone", null).id();
        Tenant acme = PushFixture.tenant(organizations, baseUrl(), "RejAcme", sfA);
        Tenant globex = PushFixture.tenant(organizations, baseUrl(), "RejGlobex", sfB);
        PushFixture.population(acme.admin(), "All accounts", "Account");
        String theirs = PushFixture.population(globex.admin(), "All accounts", "Account");
        PushFixture.share(globex.admin(), theirs, "OVERLAPPING", Map.of("Account", List.of("Name")));
        String partnership = acme.admin().post("/api/v1/partnerships", Map.of("partner", globex.name())).json().get("id").asString();
        assertThat(globex.admin().post("/api/v1/partnerships/" + partnership + "/accept", Map.of()).status()).isEqualTo(200);
        UUID integration = PushFixture.customObjects(customObjects, acme);
        // The partner Account is mapped to an Account Salesforce then loses: both overlap rows are refused.
        sfA.delete("Account", lost);
        assertThat(acme.admin().put("/api/v1/integrations/" + integration + "/push/partner-accounts/" + globex.organizationId(),
                Map.of("accountId", lost)).status()).isEqualTo(200);
        pushEngine.push(integration, "TEST");
        assertThat(acme.admin().get("/api/v1/integrations/" + integration + "/push").json().get("rejectedRows").asInt()).isEqualTo(2);

        signIn(acme.email(), "tenant-password-1");
        open("/integrations/custom-objects/" + integration);
        assertThat(text(By.id("rejected-rows-link"))).isEqualTo("Rejected rows (2)");
        open("/integrations/custom-objects/" + integration + "/settings/advanced");
        assertThat(text(By.id("rejected-rows-link"))).as("on every tab").isEqualTo("Rejected rows (2)");
        click(By.id("rejected-rows-link"));
        wait.until(ExpectedConditions.urlContains("/push/rejected-rows"));
        assertThat(find(By.id("rejected-rows-link")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(text(By.id("rejection-counts"))).startsWith("2 rows rejected");
        assertThat(text(By.cssSelector("#rejections-by-code [data-code=ENTITY_IS_DELETED]"))).isEqualTo("ENTITY_IS_DELETED: 2");
        var rows = browser.findElements(By.cssSelector("#rejected-rows-table .rejected-row"));
        assertThat(rows).hasSize(2);
        rows.forEach(r -> {
            assertThat(r.getText()).contains("ENTITY_IS_DELETED");
            assertThat(r.findElement(By.cssSelector(".fix")).getText()).contains("partner Account mapping");
        });
        checkPage("push-rejected-rows");

        // Fixed: the automatic mapping again, one push, and the tab says so.
        acme.admin().put("/api/v1/integrations/" + integration + "/push/partner-accounts/" + globex.organizationId(),
                Map.of("automatic", true));
        pushEngine.push(integration, "TEST");
        browser.navigate().refresh();
        assertThat(text(By.id("rejected-rows-link"))).isEqualTo("Rejected rows (0)");
        assertThat(text(By.id("no-rejections"))).isEqualTo("Salesforce accepted every row.");
        checkPage("push-rejected-rows-none");
    }
}
