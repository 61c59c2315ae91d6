package dev.crosswalk.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.Await;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.Syncs;
import dev.crosswalk.app.org.OrganizationService;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Partners and sharing in Chromium, by clicks: Acme invites Globex (a wrong name first: an inline
 * error), Globex sees the invitation in its bell and accepts in its own session, Acme sets a
 * population's default level and fields and an override for Globex, previews what Globex will see,
 * and revokes with confirmation; another invitation is declined, another withdrawn. Then the
 * never-leaks walk: every page Globex can reach holds none of Acme's unshared values.
 */
class PartnerPagesIT extends BrowserTest {
    private static final String PASSWORD = "partner-pages-pw-1";

    @Autowired
    OrganizationService organizations;
    @Autowired
    JdbcClient jdbc;

    private record Tenant(String name, String email, ApiClient admin) {
    }

    private Tenant tenant(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = prefix + " " + suffix;
        String email = "admin@" + prefix.toLowerCase() + "-" + suffix + ".example";
        organizations.createOrganization(name, email, "Admin", PASSWORD);
        return new Tenant(name, email, new ApiClient(baseUrl(), email, PASSWORD));
    }

    private String inviteByClicks(String partner) {
        open("/partners");
        WebElement field = find(By.id("invite-partner"));
        field.clear();
        field.sendKeys(partner);
        click(By.id("invite-button"));
        wait.until(ExpectedConditions.urlToBe(baseUrl() + "/partners/sent"));
        return text(By.id("flash-message"));
    }

    private void clickAndConfirm(By by) {
        click(by);
        wait.until(ExpectedConditions.alertIsPresent()).accept();
    }

    @Test
    void invite_accept_share_override_preview_revoke_and_globex_never_sees_what_acme_did_not_share() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Tenant globex = tenant("Globex");
        ApiClient acme = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);

        // Acme's accounts carry distinctive names it will not share; websites overlap Globex's.
        TestOrg sfAcme = SalesforceFixture.newOrg("Acme Partners " + run);
        TestOrg sfGlobex = SalesforceFixture.newOrg("Globex Partners " + run);
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String secret = "Hushhush" + run + "x" + i + " Holdings";
            secrets.add(secret);
            sfAcme.addAccount(secret, "https://www.shared" + i + "-" + run + ".com/");
            sfGlobex.addAccount("Globex view " + i, "shared" + i + "-" + run + ".com");
        }
        String greenfieldSecret = "Hushhush" + run + "green Ltd";
        secrets.add(greenfieldSecret);
        sfAcme.addAccount(greenfieldSecret, "only-acme-" + run + ".com");
        Syncs.awaitRun(acme, Syncs.connect(acme, sfAcme), 1);
        Syncs.awaitRun(globex.admin(), Syncs.connect(globex.admin(), sfGlobex), 1);
        ApiClient.Reply pop = acme.post("/api/v1/populations", Map.of("name", "Every account " + run, "baseObject", "Account",
                "filter", Map.of("type", "group", "logic", "AND", "children", List.of())));
        assertThat(pop.status()).as(pop.body()).isEqualTo(201);
        String population = "Every account " + run;
        // Globex's reports read its own populations against Acme's: one holding all its accounts.
        assertThat(globex.admin().post("/api/v1/populations", Map.of("name", "Globex accounts " + run, "baseObject", "Account",
                "filter", Map.of("type", "group", "logic", "AND", "children", List.of()))).status()).isEqualTo(201);

        // Acme invites: a wrong name is an inline error on the page, then Globex by its name.
        signInAsAdmin();
        click(By.id("nav-partners"));
        checkPage("partners-active");
        assertThat(text(By.id("tab-active"))).startsWith("Active");
        find(By.id("invite-partner")).sendKeys("No Such Org " + run);
        click(By.id("invite-button"));
        assertThat(text(By.id("invite-error"))).contains("No organization is named or owns the domain");
        assertThat(find(By.id("invite-partner")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.getPageSource()).doesNotContain("\"status\"");
        checkPage("partners-invite-error");
        assertThat(inviteByClicks(globex.name())).contains(globex.name() + " was invited");
        assertThat(text(By.id("partners"))).contains(globex.name()).contains("Invitation");
        checkPage("partners-sent");

        // Globex, in its own session: the bell counts the invitation, which leads to Accept.
        signIn(globex.email(), PASSWORD);
        assertThat(find(By.id("bell")).getAttribute("aria-label")).doesNotContain("none unread");
        click(By.id("bell"));
        assertThat(text(By.id("notifications"))).contains("Acme Corp invited you to become partners");
        checkPage("partners-notification");
        click(By.linkText(text(By.cssSelector("#notifications li.notification a"))));
        wait.until(ExpectedConditions.urlToBe(baseUrl() + "/partners/received"));
        checkPage("partners-received");
        click(By.cssSelector("tr.partner[data-partner='Acme Corp'] button.accept"));
        awaitFlash("You and Acme Corp are partners now");
        assertThat(text(By.tagName("h1"))).isEqualTo("Acme Corp");
        String partnershipId = URI.create(browser.getCurrentUrl()).getPath().replace("/partners/", "");
        assertThat(text(By.id("theirs"))).contains("shares no population with you yet");
        checkPage("partner-page-before-sharing");

        // Acme shares its population: Overlapping accounts with Website by default, then All accounts for Globex.
        signInAsAdmin();
        open("/partners");
        click(By.id("tab-sharing"));
        checkPage("sharing-list");
        click(By.linkText(population));
        click(By.id("default-level-OVERLAPPING"));
        click(By.id("default-field-Website"));
        click(By.id("save-default"));
        awaitFlash("shared as Overlapping accounts by default");
        assertThat(text(By.id("current-default"))).isEqualTo("Overlapping accounts");
        new org.openqa.selenium.support.ui.Select(find(By.id("override-partner"))).selectByVisibleText(globex.name());
        click(By.id("override-level-ALL"));
        click(By.id("override-field-Website"));
        click(By.id("save-override"));
        awaitFlash(globex.name() + " sees " + population + " as All accounts");
        assertThat(text(By.id("overrides"))).contains(globex.name()).contains("All accounts").contains("Website");
        checkPage("sharing-population");

        // The preview, served by the reports as Globex: the shared websites, never the names.
        Await.until("overlaps of the new partnership", Await.DEFAULT, () -> jdbc.sql(
                "select count(*) from overlap_pair where partnership_id = ?").param(UUID.fromString(partnershipId))
                .query(Long.class).single() >= 4);
        click(By.linkText("What " + globex.name() + " will see"));
        assertThat(text(By.tagName("h1"))).isEqualTo("What " + globex.name() + " will see");
        String preview = text(By.id("main"));
        assertThat(preview).contains(population).contains("All accounts").contains("shared0-" + run + ".com");
        // A sample of the greenfield (other tests add Acme accounts too, so this run's own row need not be in it): only the
        // shared column, with rows.
        assertThat(browser.findElements(By.cssSelector("table.greenfield-sample thead th")).stream().map(e -> e.getText()))
                .containsExactly("Website");
        assertThat(browser.findElements(By.cssSelector("table.greenfield-sample tbody tr"))).isNotEmpty();
        assertThat(preview).doesNotContain("Globex accounts " + run).doesNotContain("Globex view");
        secrets.forEach(s -> assertThat(preview).doesNotContain(s));
        checkPage("sharing-preview");

        // Globex's partner page says what Acme shares, by population name.
        signIn(globex.email(), PASSWORD);
        open("/partners/" + partnershipId);
        assertThat(text(By.id("theirs"))).contains(population).contains("All accounts").contains("Website");
        assertThat(text(By.id("partner-overlaps"))).startsWith("4 of your records overlap");
        assertThat(text(By.id("main"))).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-");
        checkPage("partner-page");

        // The never-leaks walk: every page Globex can reach from the navigation and its links.
        Set<String> visited = walkAndAssertNoLeak(secrets);
        assertThat(visited).contains("/", "/partners", "/partners/" + partnershipId, "/partners/sharing", "/notifications");

        // Acme ends the partnership, confirming first; a dismissed confirmation changes nothing.
        signInAsAdmin();
        open("/partners/" + partnershipId);
        click(By.id("revoke"));
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertThat(browser.getCurrentUrl()).endsWith("/partners/" + partnershipId);
        clickAndConfirm(By.id("revoke"));
        awaitFlash("has ended");
        assertThat(browser.getCurrentUrl()).endsWith("/partners/revoked");
        assertThat(text(By.id("partners"))).contains(globex.name()).contains("Revoked");
        checkPage("partners-revoked");
        open("/partners/" + partnershipId + "/preview");
        assertThat(text(By.id("preview-inactive"))).contains("sees nothing of yours");
    }

    @Test
    void an_invitation_by_domain_is_declined_after_confirmation_and_another_is_withdrawn() {
        Tenant initech = tenant("Initech");
        // A domain the organization owns (its members' email domain would do too).
        String domain = "initech-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
        assertThat(initech.admin().post("/api/v1/organization/domains", Map.of("domain", domain)).status()).isEqualTo(201);
        Tenant hooli = tenant("Hooli");

        signInAsAdmin();
        assertThat(inviteByClicks(domain)).contains(initech.name() + " was invited");
        assertThat(inviteByClicks(hooli.name())).contains(hooli.name() + " was invited");
        clickAndConfirm(By.cssSelector("tr.partner[data-partner='" + hooli.name() + "'] button.revoke"));
        awaitFlash("has ended");
        assertThat(text(By.id("partners"))).contains(hooli.name());

        signIn(initech.email(), PASSWORD);
        open("/partners/received");
        clickAndConfirm(By.cssSelector("tr.partner[data-partner='Acme Corp'] button.decline"));
        awaitFlash("You declined Acme Corp's invitation");
        assertThat(browser.getCurrentUrl()).endsWith("/partners/declined");
        assertThat(text(By.id("partners"))).contains("Acme Corp").contains("Declined");
        checkPage("partners-declined");
        open("/partners/received");
        assertThat(text(By.id("no-partners"))).contains("No invitations waiting for you");
    }

    /**
     * Breadth-first over same-origin links (GET pages only) from the landing page, as Globex:
     * each page's whole DOM (attributes included) must hold none of the unshared values.
     */
    private Set<String> walkAndAssertNoLeak(List<String> secrets) {
        Deque<String> todo = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new LinkedHashSet<>(todo);
        int pages = 0;
        while (!todo.isEmpty() && pages < 80) {
            String path = todo.poll();
            open(path);
            find(By.tagName("body"));
            pages++;
            String dom = browser.getPageSource();
            for (String s : secrets) {
                assertThat(dom).as("page " + path + " leaks an unshared value").doesNotContain(s);
            }
            @SuppressWarnings("unchecked")
            List<String> hrefs = (List<String>) js("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href.baseVal || a.href)");
            for (String raw : hrefs) {
                String href = raw.startsWith("/") ? baseUrl() + raw : raw;
                if (!href.startsWith(baseUrl())) {
                    continue;
                }
                String p = URI.create(href).getPath();
                String q = URI.create(href).getRawQuery();
                String next = q == null ? p : p + "?" + q;
                if (p.startsWith("/logout") || p.startsWith("/webjars") || p.startsWith("/css") || p.startsWith("/js")
                        || p.contains("/export") || p.endsWith(".csv") || p.startsWith("/api/")) {
                    continue;
                }
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return seen;
    }
}
