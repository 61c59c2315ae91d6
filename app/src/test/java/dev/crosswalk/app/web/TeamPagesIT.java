package dev.crosswalk.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Team in the browser: an Admin adds a member, changes their role and removes them (after a
 * confirmation); a member creates a personal API token that is shown once, sees it used, and
 * revokes it — after which a script holding it is refused.
 */
class TeamPagesIT extends BrowserTest {

    @Test
    void an_admin_adds_a_member_changes_their_role_and_removes_them_after_confirmation() {
        String email = "member-" + UUID.randomUUID().toString().substring(0, 8) + "@acme-test.example";
        String password = "member-pw-" + UUID.randomUUID();
        signInAsAdmin();
        click(By.id("nav-team"));
        find(By.id("member-email")).sendKeys(email);
        find(By.id("member-name")).sendKeys("Grace Member");
        find(By.id("member-password")).sendKeys(password);
        new Select(find(By.id("member-role"))).selectByValue("VIEWER");
        click(By.id("add-member-button"));
        assertThat(awaitFlash(email)).contains("Viewer");
        By row = By.cssSelector("tr.member[data-email='" + email + "']");
        assertThat(find(row).getText()).contains("Grace Member").contains(email);
        checkPage("team-members");

        new Select(find(row).findElement(By.tagName("select"))).selectByValue("MANAGER");
        click(find(row).findElement(By.cssSelector("button.change-role")));
        assertThat(awaitFlash(email + " is now Manager.")).isEqualTo(email + " is now Manager.");
        assertThat(new Select(find(row).findElement(By.tagName("select"))).getFirstSelectedOption().getText())
                .isEqualTo("Manager");
        // The new Manager signs in with the first password the Admin gave them.
        assertThat(ApiClient.anonymous(baseUrl()).signIn(email, password).signedIn()).isTrue();

        click(find(row).findElement(By.cssSelector("button.remove-member")));
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertThat(browser.findElements(row)).as("dismissing the confirmation keeps the member").hasSize(1);
        click(find(row).findElement(By.cssSelector("button.remove-member")));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(awaitFlash(email + " was removed from the organization.")).isEqualTo(email + " was removed from the organization.");
        assertThat(browser.findElements(row)).isEmpty();
        assertThat(ApiClient.anonymous(baseUrl()).signIn(email, password).signedIn()).isFalse();
    }

    @Test
    void a_bad_member_is_refused_on_the_page_and_the_form_keeps_what_was_typed() {
        signInAsAdmin();
        open("/team");
        find(By.id("member-email")).sendKeys(ADMIN_EMAIL);
        find(By.id("member-name")).sendKeys("Someone Twice");
        find(By.id("member-password")).sendKeys("long-enough-password");
        click(By.id("add-member-button"));
        assertThat(text(By.id("flash-error"))).isNotBlank();
        assertThat(find(By.id("member-name")).getAttribute("value")).isEqualTo("Someone Twice");
    }

    @Test
    void a_token_is_shown_once_shows_its_last_use_and_stops_working_when_revoked() {
        String name = "nightly export " + UUID.randomUUID().toString().substring(0, 6);
        signInAsAdmin();
        click(By.id("nav-team"));
        click(By.id("tab-tokens"));
        find(By.id("token-name")).sendKeys(name);
        new Select(find(By.id("token-expires"))).selectByValue("30");
        click(By.id("create-token-button"));
        String secret = find(By.id("token-secret")).getAttribute("value");
        assertThat(secret).startsWith("cw_pat_");
        By row = By.cssSelector("#my-tokens tr.token[data-name='" + name + "']");
        assertThat(find(row).getText()).contains(secret.substring(0, 11)).doesNotContain(secret).contains("Never");
        checkPage("team-tokens-created");

        ApiClient script = ApiClient.withToken(baseUrl(), secret);
        assertThat(script.get("/api/v1/me").status()).isEqualTo(200);
        open("/team/tokens");
        assertThat(browser.findElements(By.id("token-secret"))).as("the secret is shown once only").isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(secret);
        assertThat(find(row).findElement(By.cssSelector(".last-used")).getText()).doesNotContain("Never");

        click(find(row).findElement(By.cssSelector("button.revoke-token")));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        awaitFlash("revoked");
        assertThat(browser.findElements(row)).isEmpty();
        assertThat(script.get("/api/v1/me").status()).isEqualTo(401);
        checkPage("team-tokens-revoked");
    }

    @Test
    void a_token_without_a_name_is_refused_with_the_reason() {
        signInAsAdmin();
        open("/team/tokens");
        js("document.getElementById('token-name').removeAttribute('required')");
        click(By.id("create-token-button"));
        assertThat(text(By.id("flash-error"))).contains("name");
        assertThat(browser.findElements(By.id("token-secret"))).isEmpty();
    }
}
