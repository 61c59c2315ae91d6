package dev.crosswalk.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.Await;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.overlap.OverlapCsv;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Two organizations, end to end: Acme invites Globex, Globex accepts in its own session, both set
 * what they share; in Chromium Acme opens Overlaps, picks Globex, reads the heat map, drills into a
 * cell (search, sort, pages; only the fields Globex shares), exports the list as CSV — whose rows
 * equal the API's rows for the same list — and the greenfield, more than 500 rows of it, exported
 * whole. Every step is clicks in the browser (Partners and Sharing are helper ui2a's pages); the
 * overlap pages are each checked with axe-core and at 390 px.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverlapJourneyIT extends BrowserTest {
    static final int SHARED = 70;
    static final int GLOBEX_CUSTOMERS = 5;
    static final int GREENFIELD = 520;

    @Autowired
    OrganizationService organizations;
    private Tenants.Tenant acme;
    private Tenants.Tenant globex;
    private String partnership;

    @BeforeAll
    void twoOrganizations() {
        acme = Tenants.create(organizations, baseUrl(), "Acmej", sf -> {
            for (int i = 0; i < SHARED; i++) {
                Tenants.account(sf, "Acme Company " + i, "https://www.acmej-shared-" + i + ".com/", "Customer");
            }
            for (int i = 0; i < 4; i++) {
                Tenants.account(sf, "Only Acme " + i, "only-acmej-" + i + ".com", "Customer");
            }
        });
        globex = Tenants.create(organizations, baseUrl(), "Globex", sf -> {
            for (int i = 0; i < SHARED; i++) {
                Tenants.account(sf, "Globex view of Company " + i, "acmej-shared-" + i + ".com",
                        i < SHARED - GLOBEX_CUSTOMERS ? "Prospect" : "Customer");
            }
            for (int i = 0; i < GREENFIELD; i++) {
                Tenants.account(sf, "Greenfield " + i, "globex-green-" + i + ".com", "Prospect");
            }
        });
    }

    private static String population(ApiClient admin, String name) {
        return admin.get("/api/v1/populations").json().valueStream().filter(v -> v.get("population").get("name").asString().equals(name))
                .findFirst().orElseThrow().get("population").get("id").asString();
    }

    @Test
    @Order(1)
    void acme_invites_globex_globex_accepts_and_both_share() {
        // Acme invites Globex on the Partners page.
        signIn(acme.email(), Tenants.PASSWORD);
        click(By.id("nav-partners"));
        find(By.id("invite-partner")).sendKeys(globex.name());
        click(By.id("invite-button"));
        wait.until(ExpectedConditions.urlToBe(baseUrl() + "/partners/sent"));
        awaitFlash(globex.name() + " was invited");

        // Globex, in its own browser session, accepts.
        signIn(globex.email(), Tenants.PASSWORD);
        open("/partners/received");
        click(By.cssSelector("tr.partner[data-partner='" + acme.name() + "'] button.accept"));
        awaitFlash("You and " + acme.name() + " are partners now");
        partnership = java.net.URI.create(browser.getCurrentUrl()).getPath().replace("/partners/", "");

        // Both set sharing on the Sharing pages: Globex its Prospects with all accounts (Name, Website), its Customers as
        // counts only; Acme its Customers as overlapping accounts with the Name.
        share("Prospects", "ALL", List.of("Name", "Website"));
        share("Customers", "COUNTS_ONLY", List.of());
        signIn(acme.email(), Tenants.PASSWORD);
        share("Customers", "OVERLAPPING", List.of("Name"));
        Await.until("Acme's matrix counts every overlap", Duration.ofSeconds(120), () -> cell("Customers", "Prospects") == SHARED
                - GLOBEX_CUSTOMERS && cell("Customers", "Customers") == GLOBEX_CUSTOMERS);
    }

    /** Sets a population's default sharing by clicks, as the signed-in organization. */
    private void share(String population, String level, List<String> fields) {
        open("/partners/sharing");
        click(By.linkText(population));
        click(By.id("default-level-" + level));
        for (org.openqa.selenium.WebElement box : browser.findElements(By.cssSelector("#default-form input[type=checkbox][name=fields]"))) {
            if (box.isSelected() != fields.contains(box.getAttribute("value"))) {
                click(box);
            }
        }
        click(By.id("save-default"));
        awaitFlash("by default");
    }

    private long cell(String mine, String theirs) {
        JsonNode m = acme.admin().get("/api/v1/partnerships/" + partnership + "/overlaps/matrix").json();
        String my = population(acme.admin(), mine);
        return m.get("cells").valueStream().filter(c -> c.get("myPopulationId").asString().equals(my))
                .filter(c -> m.get("columns").valueStream().anyMatch(col -> col.get("name").asString().equals(theirs)
                        && col.get("populationId").asString().equals(c.get("partnerPopulationId").asString())))
                .mapToLong(c -> c.get("overlaps").asLong()).sum();
    }

    @Test
    @Order(2)
    void acme_opens_the_matrix_drills_into_a_cell_and_exports_what_the_api_lists() throws IOException {
        signIn(acme.email(), Tenants.PASSWORD);
        click(By.id("nav-overlaps"));
        checkPage("overlaps-partners");
        click(By.cssSelector("a.partner-link[data-partner='" + globex.name() + "']"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Overlaps with " + globex.name());
        find(By.id("heatmap-chart"));
        assertThat(text(By.cssSelector("tr[data-row='Customers'] td[data-column='Prospects']"))).isEqualTo(String.valueOf(SHARED - GLOBEX_CUSTOMERS));
        // Counts only: a number, never a link to rows.
        assertThat(text(By.cssSelector("tr[data-row='Customers'] td[data-column='Customers']"))).isEqualTo(String.valueOf(GLOBEX_CUSTOMERS));
        assertThat(browser.findElements(By.cssSelector("tr[data-row='Customers'] td[data-column='Customers'] a"))).isEmpty();
        checkPage("overlaps-matrix");

        click(By.cssSelector("#heatmap-chart a.heat-cell[aria-label^='Customers × Prospects:']"));
        wait.until(ExpectedConditions.urlContains("/cell?"));
        assertThat(text(By.id("list-count"))).isEqualTo("Rows 1–50 of " + (SHARED - GLOBEX_CUSTOMERS));
        assertThat(browser.findElements(By.cssSelector("tr.overlap-row"))).hasSize(50);
        // Only what Globex shares of Prospects: Name and Website; never Type or Industry.
        List<String> headers = browser.findElements(By.cssSelector("#overlap-rows thead th")).stream().map(e -> e.getText()).toList();
        assertThat(headers).containsExactly("Your record", "Matched by", globex.name() + " Name", globex.name() + " Website");
        assertThat(text(By.id("overlap-rows"))).doesNotContain("Prospect").doesNotContain("Technology");
        checkPage("overlaps-cell");

        String exported = fetch(find(By.id("export-csv")).getAttribute("href"));
        List<CSVRecord> csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(exported))
                .getRecords();
        String my = population(acme.admin(), "Customers");
        String theirs = population(globex.admin(), "Prospects");
        JsonNode api = acme.admin().get("/api/v1/partnerships/" + partnership + "/overlaps?myPopulation=" + my + "&partnerPopulation="
                + theirs + "&limit=5000").json();
        assertThat(api.size()).isEqualTo(SHARED - GLOBEX_CUSTOMERS);
        List<String> sharedFields = List.of("Name", "Website");
        List<List<String>> expected = new ArrayList<>();
        api.forEach(r -> expected.add(OverlapCsv.line(new dev.crosswalk.app.overlap.OverlapReports.OverlapRow(r.get("mySfId").asString(),
                r.get("myObject").asString(), r.get("myName").asString(), dev.crosswalk.app.record.Evidence.valueOf(r.get("evidence").asString()),
                r.get("matchedKey").asString(), r.get("partnerObject").asString(), fields(r.get("partnerFields"))), sharedFields)));
        assertThat(csv.stream().map(CSVRecord::toList).toList()).isEqualTo(expected);

        // Search, then sort by name both ways, then the second page.
        find(By.id("q")).sendKeys("Company 7");
        click(By.id("search-button"));
        wait.until(d -> text(By.id("list-count")).equals("Rows 1–1 of 1"));
        assertThat(text(By.cssSelector("tr.overlap-row"))).contains("Acme Company 7").contains("Globex view of Company 7");
        find(By.id("q")).clear();
        click(By.id("search-button"));
        wait.until(d -> text(By.id("list-count")).endsWith("of " + (SHARED - GLOBEX_CUSTOMERS)));
        click(By.id("sort-name"));
        wait.until(d -> text(By.cssSelector("tr.overlap-row strong")).equals("Acme Company 0"));
        click(By.id("sort-name"));
        wait.until(d -> text(By.cssSelector("tr.overlap-row strong")).equals("Acme Company 9"));
        click(By.id("next-page"));
        wait.until(d -> text(By.id("list-count")).equals("Rows 51–" + (SHARED - GLOBEX_CUSTOMERS) + " of " + (SHARED - GLOBEX_CUSTOMERS)));
        assertThat(browser.findElements(By.cssSelector("tr.overlap-row"))).hasSize(SHARED - GLOBEX_CUSTOMERS - 50);
    }

    @Test
    @Order(3)
    void the_greenfield_lists_and_exports_every_row_past_the_old_500_cap() throws IOException {
        signIn(acme.email(), Tenants.PASSWORD);
        open("/overlaps/" + partnership);
        click(By.cssSelector("a.greenfield-link"));
        assertThat(text(By.id("list-count"))).isEqualTo("Rows 1–50 of " + GREENFIELD);
        checkPage("overlaps-greenfield");
        String theirs = population(globex.admin(), "Prospects");
        JsonNode api = acme.admin().get("/api/v1/partnerships/" + partnership + "/greenfield?partnerPopulation=" + theirs + "&limit=5000")
                .json();
        assertThat(api.size()).isEqualTo(GREENFIELD);
        assertThat(acme.admin().get("/api/v1/partnerships/" + partnership + "/greenfield?partnerPopulation=" + theirs + "&limit=50000")
                .status()).isEqualTo(400);
        List<CSVRecord> csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(fetch(find(By.id("export-csv")).getAttribute("href")))).getRecords();
        assertThat(csv).hasSize(GREENFIELD);
        List<List<String>> expected = new ArrayList<>();
        api.forEach(r -> expected.add(OverlapCsv.line(new dev.crosswalk.app.overlap.OverlapReports.GreenfieldRow(
                r.get("partnerObject").asString(), fields(r.get("partnerFields"))), List.of("Name", "Website"))));
        assertThat(csv.stream().map(CSVRecord::toList).toList()).isEqualTo(expected);
    }

    /** The CSV behind a link, downloaded by the page itself (its session, its cookies). */
    private String fetch(String href) {
        Object body = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.ok ? r.text() : Promise.reject(r.status)).then(done, e => done('FAILED ' + e));""", href);
        assertThat(String.valueOf(body)).doesNotStartWith("FAILED");
        return String.valueOf(body);
    }

    private static Map<String, String> fields(JsonNode n) {
        Map<String, String> out = new TreeMap<>();
        n.propertyNames().forEach(k -> out.put(k, n.get(k).asString()));
        return out;
    }

}
