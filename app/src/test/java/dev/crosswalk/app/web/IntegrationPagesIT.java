package dev.crosswalk.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Add integration in Chromium: the login host is validated on the page (never a 500), then the
 * admin signs in on the emulator's login page, approves, lands on the new integration and sees
 * the first sync's progress arrive over SSE until it succeeds; the list shows it Active with its
 * record count; each tab passes axe-core and fits 390 px.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrationPagesIT extends BrowserTest {
    private static final TestOrg SF = SalesforceFixture.newOrg("Pages Org");
    private static String integrationPath;

    @Test
    @Order(1)
    void a_bad_login_host_is_refused_on_the_form() {
        signInAsAdmin();
        open("/integrations/new");
        checkPage("add-integration");
        click(By.cssSelector("input[name=hostKind][value=url]"));
        find(By.id("host")).sendKeys("not a url");
        click(By.id("connect"));
        assertThat(text(By.id("host-error"))).contains("https://");
        assertThat(find(By.id("host")).getAttribute("aria-invalid")).isEqualTo("true");

        click(By.cssSelector("input[name=hostKind][value=mydomain]"));
        find(By.id("host")).clear();
        click(By.id("connect"));
        awaitText(By.id("host-error"), "My Domain");
        checkPage("add-integration-invalid");
    }

    @Test
    @Order(2)
    void an_admin_connects_salesforce_and_watches_the_first_sync_finish() {
        for (int i = 0; i < 25; i++) {
            SF.addAccount("Pages Co " + i, "pages" + i + ".example");
        }
        signInAsAdmin();
        click(By.id("nav-integrations"));
        click(By.id("add-integration-link"));
        connectWithTheForm("Pages Org");
        click(By.id("oaapprove"));

        wait.until(ExpectedConditions.urlMatches(baseUrl() + "/integrations/[0-9a-f-]{36}\\?connected"));
        integrationPath = browser.getCurrentUrl().replace(baseUrl(), "").replace("?connected", "");
        assertThat(text(By.id("connected"))).contains("connected");
        assertThat(text(By.id("sf-username"))).isEqualTo(SF.integrationUsername());
        assertThat(text(By.id("sf-org"))).isEqualTo(SF.org().id());

        // No reload: the runs panel is replaced over SSE until the run has succeeded.
        js("document.getElementById('runs-live').setAttribute('data-same-page', 'yes')");
        wait.until(d -> d.findElements(By.cssSelector("#runs .run-status [data-status]"))
                .stream().anyMatch(e -> "SUCCEEDED".equals(e.getAttribute("data-status"))));
        assertThat(find(By.id("runs-live")).getAttribute("data-same-page")).isEqualTo("yes");
        assertThat(text(By.cssSelector("#runs .run-records"))).startsWith("25 read");
        browser.navigate().refresh();
        assertThat(find(By.cssSelector("#status [data-status]")).getAttribute("data-status")).isEqualTo("ACTIVE");
        assertThat(text(By.id("status"))).contains("Active");
        assertThat(text(By.id("record-counts"))).contains("25").contains("Account");
        checkPage("integration-overview");

        click(By.id("nav-integrations"));
        assertThat(text(By.id("integrations"))).contains("Pages Org").contains("Active").contains("25");
        checkPage("integrations-list");
    }

    @Test
    @Order(3)
    void every_tab_of_the_integration_opens_and_is_accessible() {
        signInAsAdmin();
        open(integrationPath);
        click(By.id("tab-integration_general_settings"));
        assertThat(find(By.id("save-general-settings")).getText()).isEqualTo("Save General Settings");
        checkPage("integration-general-settings");
        // Recommended preset for Account, Lead and Contact, every 6 hours.
        new org.openqa.selenium.support.ui.Select(find(By.id("frequency"))).selectByValue("6");
        if (!find(By.id("object-Contact")).isSelected()) {
            click(By.id("object-Contact"));
        }
        click(By.id("preset-recommended"));
        click(By.id("save-general-settings"));
        assertThat(awaitFlash("General Settings saved.")).isEqualTo("General Settings saved.");
        assertThat(find(By.id("object-Contact")).isSelected()).isTrue();
        assertThat(new org.openqa.selenium.support.ui.Select(find(By.id("frequency"))).getFirstSelectedOption().getText())
                .isEqualTo("6 hours");
        assertThat(find(By.cssSelector("input[name=fields][value='Contact.Title']")).isSelected()).isTrue();

        click(By.id("advanced-settings-link"));
        // ⋯ Actions → Test probes now and says so.
        click(By.id("actions-inbound"));
        click(By.cssSelector("#connection-inbound button.test-connection"));
        assertThat(awaitFlash("Test passed")).startsWith("Test passed");
        assertThat(text(By.id("connection-inbound"))).contains("passed");
        assertThat(text(By.cssSelector("#connection-inbound .sf-user"))).isEqualTo(SF.integrationUsername());
        assertThat(text(By.cssSelector("#connection-inbound .approvals"))).isEqualTo("1 of 5");
        assertThat(text(By.cssSelector("#connection-inbound .authorized-by"))).isEqualTo(ADMIN_EMAIL);
        checkPage("integration-advanced-settings");
        click(By.id("tab-integration_errors"));
        assertThat(text(By.id("no-open-errors"))).contains("No open errors");
        checkPage("integration-errors");
        click(By.id("tab-integration_history"));
        assertThat(text(By.id("history"))).contains("First sync").contains("Succeeded");
        checkPage("integration-history");
    }

    @Test
    @Order(4)
    void connecting_the_same_org_again_is_refused_with_a_link_to_the_existing_integration() {
        signInAsAdmin();
        open("/integrations/new");
        connectWithTheForm("Pages Org again");
        // The user approved Crosswalk in the first test: Salesforce skips the approval page then.
        wait.until(d -> d.getCurrentUrl().startsWith(baseUrl()) || !d.findElements(By.id("oaapprove")).isEmpty());
        if (!browser.getCurrentUrl().startsWith(baseUrl())) {
            click(By.id("oaapprove"));
        }

        assertThat(text(By.id("connect-error"))).contains("already connected as the integration 'Pages Org'")
                .contains("Integrations → Pages Org → Settings → Advanced Settings → ⋯ Actions → Update");
        assertThat(text(By.id("connect-error-code"))).isEqualTo("SALESFORCE_ORG_ALREADY_CONNECTED");
        checkPage("connect-refused-already-connected");
        click(By.id("existing-integration"));
        wait.until(ExpectedConditions.urlToBe(baseUrl() + integrationPath));
        assertThat(text(By.tagName("h1"))).contains("Pages Org");
        click(By.id("nav-integrations"));
        assertThat(browser.findElements(By.cssSelector("#integrations")).get(0).getText()).doesNotContain("Pages Org again");
    }

    /** Fills Add integration (the emulator as an "other URL" host), connects and signs in on Salesforce's login page. */
    private void connectWithTheForm(String name) {
        find(By.id("name")).sendKeys(name);
        click(By.cssSelector("input[name=hostKind][value=url]"));
        find(By.id("host")).sendKeys(SalesforceFixture.url());
        click(By.id("connect"));
        wait.until(ExpectedConditions.urlContains(SalesforceFixture.url()));
        find(By.name("username")).sendKeys(SF.integrationUsername());
        browser.findElement(By.name("password")).sendKeys(SalesforceFixture.PASSWORD);
        click(By.id("Login"));
    }
}
