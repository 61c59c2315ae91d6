package dev.crosswalk.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.org.OrganizationService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Populations in Chromium: the list with member counts and the standard three explained; the
 * builder (object → filter tree with AND/OR groups, operators by the field's kind, a picker for
 * picklist values) updating its live count and sample rows as the filter changes, a filter that
 * cannot be used shown inline (never a 500); save, edit, delete with confirmation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PopulationPagesIT extends BrowserTest {
    @Autowired
    OrganizationService organizations;
    private Tenants.Tenant popco;

    @BeforeAll
    void seed() {
        popco = Tenants.create(organizations, baseUrl(), "Popco", sf -> {
            for (int i = 0; i < 12; i++) {
                String type = i < 4 ? "Customer - Direct" : i < 7 ? "Prospect" : "Partner";
                Tenants.account(sf, "Popco Client " + i, "client" + i + ".popco.example", type);
            }
        });
    }

    private void signIn() {
        signIn(popco.email(), Tenants.PASSWORD);
    }

    /** Waits for the live count; on a timeout says what htmx got back (status and the start of the body) and what the page shows. */
    private void awaitCount(String expected) {
        try {
            wait.until(d -> expected.equals(text(By.id("preview-number"))));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("count-timeout-" + expected);
            throw new AssertionError("live count never became " + expected + "; htmx: " + js("return window.__htmx || 'no htmx event'")
                    + "; preview: " + js("var p = document.getElementById('preview'); return p ? p.innerText : 'no #preview'"), e);
        }
    }

    /** Remembers the last htmx request's outcome on the page (read by {@link #awaitCount} when it times out). */
    private void watchHtmx() {
        js("""
                ['htmx:afterRequest', 'htmx:responseError', 'htmx:sendError', 'htmx:swapError', 'htmx:targetError'].forEach(function (n) {
                  document.body.addEventListener(n, function (e) {
                    var x = e.detail && e.detail.xhr;
                    window.__htmx = n + ' ' + (x ? x.status + ' ' + String(x.responseText).substring(0, 300) : '');
                  });
                });
                window.__settled = 0;
                document.body.addEventListener('htmx:afterSettle', function () { window.__settled++; });""");
    }

    /** Does something that makes htmx replace part of the page, and waits until the new part has settled. */
    private void andSwap(Runnable action) {
        long before = ((Number) js("return window.__settled || 0")).longValue();
        action.run();
        wait.until(d -> ((Number) js("return window.__settled || 0")).longValue() > before);
    }

    @Test
    @Order(1)
    void the_list_shows_every_population_with_its_count_and_explains_the_standard_ones() {
        signIn();
        click(By.id("nav-populations"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Populations");
        assertThat(text(By.cssSelector("tr.population[data-name='Customers'] .member-count"))).isEqualTo("4");
        assertThat(text(By.cssSelector("tr.population[data-name='Prospects'] .member-count"))).isEqualTo("3");
        assertThat(text(By.cssSelector("tr.population[data-name='Open Opportunities'] .member-count"))).isEqualTo("0");
        assertThat(text(By.id("standard"))).contains("Customers").contains("Open Opportunities").contains("Prospects")
                .contains("starts with \"Customer\"");
        // Standard populations cannot be deleted: no button offers it.
        assertThat(browser.findElements(By.cssSelector("tr.population[data-name='Customers'] .delete-population"))).isEmpty();
        checkPage("populations-list");
    }

    @Test
    @Order(2)
    void the_builder_counts_live_shows_bad_filters_inline_and_saves() {
        signIn();
        open("/populations");
        click(By.id("new-population"));
        find(By.id("population-name")).sendKeys("Prospects and partners");
        watchHtmx();
        // The first condition is on Type, a picklist: "is any of" with the synced values to pick.
        assertThat(new Select(find(By.id("field-r-0"))).getFirstSelectedOption().getText()).isEqualTo("Type");
        assertThat(new Select(find(By.id("op-r-0"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("IN");
        // Nothing picked yet: the service's own validation says so, inline.
        assertThat(text(By.id("filter-problems"))).contains("needs at least one value");
        andSwap(() -> new Select(find(By.id("values-r-0"))).selectByVisibleText("Prospect"));
        awaitCount("3");
        assertThat(browser.findElements(By.cssSelector("#preview-sample .sample-row"))).hasSize(3);
        andSwap(() -> new Select(find(By.id("values-r-0"))).selectByVisibleText("Partner"));
        awaitCount("8");

        // A nested group (AND inside the root) narrowing by name, typed: the count follows as one types.
        andSwap(() -> click(By.id("add-group-r")));
        andSwap(() -> new Select(find(By.id("field-r-1-0"))).selectByVisibleText("Name"));
        andSwap(() -> new Select(find(By.id("op-r-1-0"))).selectByValue("CONTAINS"));
        find(By.id("value-r-1-0")).sendKeys("Client 1");
        // Client 1, 10, 11 among the 8 Prospects and Partners (4..11): 10 and 11.
        awaitCount("2");
        checkPage("population-builder");

        // A condition without its value: the service's validation says so inline, never a 500.
        andSwap(() -> new Select(find(By.id("op-r-1-0"))).selectByValue("STARTS_WITH"));
        andSwap(() -> {
            find(By.id("value-r-1-0")).clear();
            find(By.id("value-r-1-0")).sendKeys(org.openqa.selenium.Keys.TAB);
        });
        wait.until(d -> text(By.id("filter-problems")).contains("needs a value"));
        checkPage("population-builder-invalid");
        find(By.id("value-r-1-0")).sendKeys("Popco Client 1");
        awaitCount("2");

        click(By.id("save-population"));
        wait.until(ExpectedConditions.urlToBe(baseUrl() + "/populations"));
        assertThat(awaitFlash("Saved Prospects and partners")).contains("2 members");
        assertThat(text(By.cssSelector("tr.population[data-name='Prospects and partners'] .member-count"))).isEqualTo("2");
        assertThat(popco.admin().get("/api/v1/populations").json().valueStream()
                .filter(v -> v.get("population").get("name").asString().equals("Prospects and partners"))
                .findFirst().orElseThrow().get("memberCount").asLong()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void a_saved_population_is_edited_and_a_clash_is_said_on_the_form() {
        signIn();
        open("/populations");
        click(By.cssSelector("tr.population[data-name='Prospects and partners'] a"));
        assertThat(find(By.id("population-name")).getAttribute("value")).isEqualTo("Prospects and partners");
        watchHtmx();
        awaitCount("2");
        find(By.id("population-name")).clear();
        find(By.id("population-name")).sendKeys("Customers");
        click(By.id("save-population"));
        assertThat(text(By.id("save-error"))).contains("exists already");
        checkPage("population-edit-clash");
        find(By.id("population-name")).clear();
        find(By.id("population-name")).sendKeys("Later-stage names");
        watchHtmx();
        andSwap(() -> click(By.id("remove-r-1")));
        awaitCount("8");
        click(By.id("save-population"));
        wait.until(ExpectedConditions.urlToBe(baseUrl() + "/populations"));
        assertThat(text(By.cssSelector("tr.population[data-name='Later-stage names'] .member-count"))).isEqualTo("8");
    }

    @Test
    @Order(4)
    void deleting_asks_first_and_then_the_population_is_gone() {
        signIn();
        open("/populations");
        js("window.confirm = function () { return false; }");
        click(By.cssSelector("tr.population[data-name='Later-stage names'] .delete-population"));
        assertThat(browser.findElements(By.cssSelector("tr.population[data-name='Later-stage names']"))).hasSize(1);
        js("window.__asked = null; window.confirm = function (q) { window.__asked = q; return true; }");
        click(By.cssSelector("tr.population[data-name='Later-stage names'] .delete-population"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash-message")));
        awaitFlash("was deleted");
        assertThat(browser.findElements(By.cssSelector("tr.population[data-name='Later-stage names']"))).isEmpty();
    }
}
