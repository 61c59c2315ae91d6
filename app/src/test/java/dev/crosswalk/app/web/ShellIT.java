package dev.crosswalk.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.system.Screens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The shell around every page, walked in Chromium: sign-in lands on the dashboard, the top
 * navigation reaches every section (unbuilt ones say they are coming), the organization's name,
 * the user menu signs out, and unknown pages, unknown ids and forbidden pages are styled error
 * pages — never JSON or a Whitelabel page. Every page passes axe-core and fits 390 px.
 */
class ShellIT extends BrowserTest {

    @Test
    void signing_in_lands_on_the_dashboard_inside_the_shell() {
        signInAsAdmin();
        assertThat(browser.getCurrentUrl()).isEqualTo(baseUrl() + "/");
        assertThat(text(By.tagName("h1"))).isEqualTo("Dashboard");
        assertThat(text(By.id("org-name"))).isEqualTo("Acme Corp");
        assertThat(find(By.id("nav-dashboard")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(find(By.id("bell")).getAttribute("aria-label")).startsWith("Notifications");
        checkPage("dashboard");
    }

    @Test
    void the_top_navigation_reaches_every_section_and_unbuilt_ones_say_they_are_coming() {
        signInAsAdmin();
        for (Screens s : Screens.TOP_NAVIGATION) {
            click(By.id("nav-" + s.name().toLowerCase()));
            wait.until(ExpectedConditions.attributeToBe(By.id("nav-" + s.name().toLowerCase()), "aria-current", "page"));
            assertThat(browser.getCurrentUrl()).isEqualTo(baseUrl() + s.url());
            if (s.coming()) {
                assertThat(text(By.id("coming"))).contains("Coming soon").contains(s.title());
            }
            checkPage("nav-" + s.name().toLowerCase());
        }
    }

    @Test
    void the_user_menu_signs_out() {
        signInAsAdmin();
        click(By.cssSelector("#user-menu summary"));
        assertThat(find(By.id("user-menu")).getText()).contains(ADMIN_EMAIL).contains("Admin of Acme Corp");
        screenshot("user-menu-open");
        click(By.id("sign-out"));
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(text(By.cssSelector("[role=status]"))).contains("signed out");
        checkPage("login");
    }

    @Test
    void an_unknown_or_malformed_integration_id_is_a_styled_404_page() {
        signInAsAdmin();
        open("/integrations/" + UUID.randomUUID());
        assertThat(text(By.tagName("h1"))).isEqualTo("This page does not exist");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel").doesNotContain("\"status\"");
        checkPage("error-404");
        open("/integrations/not-a-uuid");
        assertThat(browser.getPageSource()).contains("This page does not exist");
        assertThat(find(By.id("nav-integrations")).isDisplayed()).isTrue();
    }

    @Test
    void a_viewer_opening_an_admin_page_gets_a_styled_403_page() {
        String email = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@acme-test.example";
        String password = "viewer-pw-" + UUID.randomUUID();
        ApiClient admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(admin.post("/api/v1/members", Map.of("email", email, "password", password, "role", "VIEWER")).status())
                .isEqualTo(201);
        signIn(email, password);
        open("/integrations/new");
        assertThat(text(By.tagName("h1"))).isEqualTo("You cannot open this page");
        checkPage("error-403");
        open("/integrations");
        assertThat(browser.findElements(By.id("add-integration-link"))).isEmpty();
    }

    @Test
    void times_read_as_relative_with_the_exact_time_in_the_viewers_zone_on_hover() {
        signInAsAdmin();
        open("/team");
        WebElement t = find(By.cssSelector("time.ago"));
        assertThat(t.getText()).matches("just now|\\d+ (min|h|days?) ago");
        // Written by the script from the datetime attribute with the browser's zone name.
        assertThat(t.getAttribute("title")).isNotBlank().doesNotContainPattern("\\dT\\d").containsPattern("\\d{1,2}:\\d{2}:\\d{2}");
    }
}
