package dev.crosswalk.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.SalesforceFixture;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The repair journey the product exists for, walked in Chromium with every click counted (typing
 * is not): a connection breaks in Salesforce (its refresh token revoked), Crosswalk raises the error
 * and a notification; from the landing page the admin clicks Fix now, signs in to Salesforce,
 * approves, and is back on the integration that says "Verified — 1 error cleared in X s" with the
 * preflight checklist — in at most 5 clicks, and at most 10 s after the last Salesforce click.
 */
class RepairJourneyIT extends BrowserTest {
    private static final int MAX_CLICKS = 5;
    private static final Duration MAX_TO_VERIFIED = Duration.ofSeconds(10);

    private static String username(UUID id, ApiClient admin) {
        return admin.get("/api/v1/integrations/" + id).json().get("connection").get("salesforceUsername").asString();
    }

    /** Signs in on the emulator's page (typing), Log In and Allow (clicks); returns when Allow was clicked. */
    private long salesforceSignIn(String username) {
        wait.until(ExpectedConditions.urlContains(SalesforceFixture.url()));
        find(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(SalesforceFixture.PASSWORD);
        click(By.id("Login"));
        WebElement allow = wait.until(ExpectedConditions.elementToBeClickable(By.id("oaapprove")));
        long lastSalesforceClick = System.nanoTime();
        click(allow);
        return lastSalesforceClick;
    }

    private void assertVerified(UUID id, long lastSalesforceClick, int expectedClicks, String page) {
        WebElement heading = new WebDriverWait(browser, MAX_TO_VERIFIED.multipliedBy(2).plusSeconds(5))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".verified #verified-heading")));
        Duration took = Duration.ofNanos(System.nanoTime() - lastSalesforceClick);
        System.out.printf("Repair journey (%s): %d clicks; last Salesforce click → verified on the page %.3f s (page: %s)%n",
                page, clicks(), took.toMillis() / 1000.0, heading.getText());
        assertThat(browser.getCurrentUrl()).startsWith(baseUrl() + "/integrations/" + id);
        assertThat(heading.getText()).matches("Verified — 1 error cleared in \\d+(\\.\\d)? s");
        assertThat(find(By.id("preflight")).getText()).contains("Passed").doesNotContain("Failed");
        // The page's own figure: from the moment Salesforce sent the browser back (the authorization) to verified.
        Matcher shown = Pattern.compile("in (\\d+(?:\\.\\d)?) s").matcher(heading.getText());
        assertThat(shown.find()).isTrue();
        assertThat(Double.parseDouble(shown.group(1))).isLessThanOrEqualTo(MAX_TO_VERIFIED.toSeconds());
        // From the last Salesforce click, in the browser (about 3 s on a quiet machine; printed above).
        assertThat(took).isLessThanOrEqualTo(MAX_TO_VERIFIED);
        assertThat(clicks()).isEqualTo(expectedClicks).isLessThanOrEqualTo(MAX_CLICKS);
        checkPage(page);
        // The error is gone from the page and listed as cleared by what proved it fixed.
        click(By.id("tab-integration_errors"));
        assertThat(text(By.id("no-open-errors"))).contains("No open errors");
        assertThat(text(By.id("cleared-errors"))).contains("no longer accepts").contains("The reauthorization's checks");
    }

    @Test
    void from_the_dashboard_fix_now_reauthorizes_and_verifies_in_three_clicks() {
        UUID id = connectAndBreak("Repair Dashboard");
        String username = username(id, new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD));
        signInAsAdmin();
        assertThat(browser.getCurrentUrl()).isEqualTo(baseUrl() + "/");
        checkPage("dashboard-needs-attention");
        resetClicks();

        WebElement card = find(By.cssSelector(".needs-attention[data-integration='" + id + "']"));
        assertThat(card.getText()).contains("no longer accepts").contains("Advanced Settings");
        click(card.findElement(By.cssSelector("button.fix-now")));
        long lastSalesforceClick = salesforceSignIn(username);

        assertVerified(id, lastSalesforceClick, 3, "verified-from-dashboard");
    }

    @Test
    void from_the_notifications_bell_fix_now_reauthorizes_and_verifies_in_four_clicks() {
        UUID id = connectAndBreak("Repair Bell");
        String username = username(id, new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD));
        signInAsAdmin();
        resetClicks();

        assertThat(find(By.id("unread-count")).getText()).matches("[1-9]\\d*");
        click(By.id("bell"));
        assertThat(text(By.id("notifications"))).contains("Repair Bell stopped syncing");
        checkPage("notifications");
        click(By.cssSelector(".needs-attention[data-integration='" + id + "'] button.fix-now"));
        long lastSalesforceClick = salesforceSignIn(username);

        assertVerified(id, lastSalesforceClick, 4, "verified-from-bell");
    }
}
