package dev.crosswalk.app.customobjects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.Await;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.Syncs;
import dev.crosswalk.app.auth.OutboundClients;
import dev.crosswalk.app.integration.CustomObjectsIntegration;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.web.BrowserTest;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Salesforce Custom Objects integration walked in Chromium with the emulator as Salesforce: the
 * setup journey from the package's Crosswalk Setup page in Salesforce ("Set up") through 1 Outbound (the
 * Named Credential's authentication in Salesforce, Crosswalk's sign-in and consent), 2 the organization
 * selected on the consent page, 3 Inbound (Crosswalk's OAuth as the integration user, the preflight all ✓)
 * to 4 Finish (a first push queued). Then four breaks, one at a time — Inbound revoked in Salesforce,
 * Outbound revoked on Crosswalk's side, the permission set unassigned, the page access removed — each seen
 * by a check, shown as an error naming its connection, cause and fix, and repaired from the notification in
 * at most 5 counted clicks (typing is not counted), verified at most 10 s after the last Salesforce click
 * (bounded loosely here on the shared machine and printed). Each scenario's P5 figure (authorization or fix
 * → errors cleared, server clock) goes to {@code bench/results/p5-custom-objects.csv}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomObjectsJourneyBrowserIT extends BrowserTest {
    private static final int MAX_CLICKS = 5;
    private static final Duration MAX_TO_VERIFIED = Duration.ofSeconds(10);
    private static final Duration P5_TARGET = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    private CustomObjectsHealth health;
    @Autowired
    private CustomObjectsIntegrations integrations;
    @Autowired
    private OutboundClients outboundClients;
    @Autowired
    private JdbcClient jdbc;

    private TestOrg sf;
    private String salesforceAdmin;
    private UUID coId;
    private UUID organizationId;
    private final List<String> p5 = new ArrayList<>();

    @BeforeAll
    void salesforceOrgWithThePackage() {
        sf = CustomObjectsFixture.orgWithPackage("Journey Browser");
        salesforceAdmin = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@journeybrowser.example";
        SalesforceFixture.emulator().state().createUser(sf.org(), new EmulatorState.NewUser(salesforceAdmin, "Ada", "Admin",
                salesforceAdmin, EmulatorState.PROFILE_ADMIN), SalesforceFixture.PASSWORD);
        // The org is already a data source of this Crosswalk organization (its records are synced).
        Syncs.connect(new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD), sf);
        // The package's post-install step in Salesforce Setup: the Named Credential points at this Crosswalk, its Auth.
        // Provider at Crosswalk's authorization server (the client id and secret come from the journey, below).
        configureSalesforce(Map.of("authorizeUrl", baseUrl() + "/oauth2/authorize", "tokenUrl", baseUrl() + "/oauth2/token",
                "scopes", "overlaps:read setup"));
    }

    @AfterAll
    void writeP5() throws IOException {
        if (p5.isEmpty()) {
            return;
        }
        Path csv = Path.of("..", "bench", "results", "p5-custom-objects.csv");
        Files.createDirectories(csv.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("# P5 (issue 15): the Custom Objects integration's repairs, per break scenario. Measured " + Instant.now()
                + " by CustomObjectsJourneyBrowserIT (Chromium, emulator on loopback); load average "
                + String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + ". server_*: the server's clock, from the last authorization finishing (or, where no authorization is needed, the"
                + " Test click arriving) to the errors cleared; browser_*: the test's clock, last Salesforce click to the verified page.");
        lines.add("scenario,cleared_codes,finished_by,server_to_cleared_seconds,browser_last_salesforce_click_to_verified_seconds,clicks");
        lines.addAll(p5);
        Files.write(csv, lines);
    }

    /** The emulator's admin API for the Named Credential and its Auth. Provider (what Salesforce Setup's pages change). */
    private void configureSalesforce(Map<String, String> authProvider) {
        Map<String, Object> ap = new LinkedHashMap<>(authProvider);
        ap.put("name", "Crosswalk");
        Map<String, Object> body = Map.of("org", sf.org().id(), "name", "Crosswalk", "url", baseUrl(), "authProvider", ap);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(SalesforceFixture.url() + "/_emulator/named-credentials"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long lastLoginClick;

    /** The emulator's login form (typing), then Log In (a click). */
    private void salesforceLogin(String username) {
        wait.until(ExpectedConditions.urlContains(SalesforceFixture.url() + "/"));
        find(By.name("username")).clear();
        find(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(SalesforceFixture.PASSWORD);
        lastLoginClick = System.nanoTime();
        click(By.id("Login"));
    }

    /**
     * Salesforce's Allow on the connected app's approval page, which Salesforce skips while the user still holds a
     * refresh token of the app (the data source's connection, as the same user). Returns when the last Salesforce
     * click happened: Allow, or Log In when there was no approval page.
     */
    private long allowIfAsked() {
        String crosswalk = baseUrl() + "/";
        try {
            wait.until(d -> !d.findElements(By.id("oaapprove")).isEmpty() || d.getCurrentUrl().startsWith(crosswalk));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-after-salesforce-login");
            throw new AssertionError("stuck at " + browser.getCurrentUrl() + ": " + browser.findElement(By.tagName("body")).getText(), e);
        }
        if (browser.getCurrentUrl().startsWith(crosswalk)) {
            return lastLoginClick;
        }
        long at = System.nanoTime();
        click(By.id("oaapprove"));
        return at;
    }

    /** Crosswalk's login form, reached by a redirect (typing, then Sign in). */
    private void crosswalkLogin() {
        find(By.id("username")).sendKeys(ADMIN_EMAIL);
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        WebElement button = browser.findElement(By.id("sign-in"));
        click(button);
        awaitGone(button);
    }

    private String orgParam() {
        return sf.org().id();
    }

    @Test
    @Order(1)
    void the_setup_journey_runs_from_the_salesforce_page_to_finish() {
        resetClicks();
        browser.get(SalesforceFixture.url() + "/?startURL=" + URLEncoder.encode("/apex/CrosswalkSetup", StandardCharsets.UTF_8));
        salesforceLogin(salesforceAdmin);
        WebElement setUp = find(By.cssSelector("[data-crosswalk='setup']"));
        screenshot("01-salesforce-crosswalk-setup-page");
        assertThat(text(By.cssSelector("[data-crosswalk='status']"))).doesNotContain("Connected");
        assertThat(setUp.getAttribute("href")).isEqualTo(baseUrl() + "/salesforce-setup?org=" + orgParam());
        String salesforceTab = browser.getWindowHandle();
        click(setUp);
        wait.until(d -> d.getWindowHandles().size() == 2);
        browser.getWindowHandles().stream().filter(h -> !h.equals(salesforceTab)).findFirst().ifPresent(h -> browser.switchTo().window(h));

        // Not signed in to Crosswalk yet: its sign-in, then back to the journey.
        wait.until(ExpectedConditions.urlContains("/login"));
        crosswalkLogin();
        wait.until(ExpectedConditions.urlContains("/salesforce-setup"));
        checkPage("02-journey-add-the-integration");
        assertThat(text(By.id("progress"))).contains("Outbound").contains("Select the organization").contains("Inbound").contains("Finish");
        click(By.id("create-integration"));

        // Shown once: what the admin copies into the package's Auth. Provider in Salesforce Setup.
        String clientId = text(By.id("client-id"));
        String clientSecret = text(By.id("client-secret"));
        checkPage("03-journey-client-credentials");
        configureSalesforce(Map.of("clientId", clientId, "clientSecret", clientSecret));
        open("/salesforce-setup?org=" + orgParam());
        assertThat(browser.findElements(By.id("client-secret"))).as("the secret is shown once").isEmpty();

        // 1 Outbound: through the Named Credential's authentication in Salesforce to Crosswalk's authorize page...
        click(By.id("start-outbound"));
        // ...2 select the organization on Crosswalk's consent page (in the product's shell).
        wait.until(ExpectedConditions.urlContains("/oauth2/consent"));
        checkPage("04-consent-select-organization");
        assertThat(find(By.id("nav-integrations")).isDisplayed()).isTrue();
        WebElement organization = find(By.cssSelector("input[name='organization']"));
        assertThat(organization.isSelected()).isTrue();
        assertThat(text(By.id("consent-form"))).contains("Acme Corp");
        click(By.id("approve"));
        wait.until(ExpectedConditions.urlContains("outbound=ok"));
        assertThat(find(By.id("progress-outbound")).getAttribute("class")).contains("step-done");
        assertThat(find(By.id("progress-organization")).getAttribute("class")).contains("step-done");
        checkPage("05-journey-outbound-done");

        // 3 Inbound: Crosswalk's OAuth to Salesforce as the integration user, then the preflight, every requirement ✓.
        click(By.id("start-inbound"));
        salesforceLogin(sf.integrationUsername());
        allowIfAsked();
        wait.until(ExpectedConditions.urlContains("inbound=ok"));
        WebElement preflight = find(By.id("preflight"));
        List<WebElement> lines = preflight.findElements(By.tagName("li"));
        assertThat(lines).hasSizeGreaterThanOrEqualTo(10);
        assertThat(lines).allSatisfy(l -> assertThat(l.getAttribute("class")).contains("check-pass"));
        assertThat(preflight.getText()).contains("Permission set Crosswalk_Setup_User assigned")
                .contains("Access to Visualforce page CrosswalkSetup").contains("API Enabled").contains("Read on Account")
                .contains("Read on Lead").contains("Ecosystem_Overlap__c");
        assertThat(find(By.id("progress-inbound")).getAttribute("class")).contains("step-done");
        // Both connections proven: the Outbound one by a callout through the Named Credential.
        assertThat(text(By.id("step-outbound"))).contains("a callout reached Crosswalk");
        checkPage("06-journey-inbound-preflight");

        // 4 Finish: the first push is queued, the page says what happens next.
        click(By.id("finish"));
        assertThat(text(By.id("next"))).contains("The first push is queued");
        assertThat(find(By.id("progress-finish")).getAttribute("class")).contains("step-done");
        checkPage("07-journey-finished");
        String settings = find(By.id("to-settings")).getAttribute("href");
        coId = UUID.fromString(settings.replaceAll(".*/custom-objects/([0-9a-f-]{36})/settings.*", "$1"));
        CustomObjectsIntegration co = integrations.findForJob(coId).orElseThrow();
        organizationId = co.organizationId();
        Await.until("a first push queued (or already run)", Duration.ofSeconds(30), () -> jdbc.sql("select count(*) from"
                + " scheduled_tasks where task_name = 'push-integration' and task_instance = ?").param(coId.toString())
                .query(Long.class).single() > 0
                || jdbc.sql("select count(*) from push_run where integration_id = ?").param(coId).query(Long.class).single() > 0);
        System.out.printf("Setup journey: %d clicks from the Salesforce page to Finish%n", clicks());

        // Back in Salesforce, the Crosswalk Setup page calls out through the Named Credential and reads Connected.
        browser.close();
        browser.switchTo().window(salesforceTab);
        browser.navigate().refresh();
        assertThat(text(By.cssSelector("[data-crosswalk='status']"))).contains("Connected");
        screenshot("08-salesforce-crosswalk-setup-connected");
        // The rest starts from Crosswalk's pages.
        open("/");
    }

    // ---- the breaks, one at a time --------------------------------------------------------------

    /** The error as the integration's page shows it, reached from the notification (bell → the notification). */
    private WebElement fromTheNotification(String direction, String code, String page) {
        return fromTheNotification(direction, code, "", page);
    }

    /** The same, for the error (of several) whose cause mentions {@code causeContains}. */
    private WebElement fromTheNotification(String direction, String code, String causeContains, String page) {
        open("/");
        find(By.id("main"));
        resetClicks();
        click(By.id("bell"));
        click(By.cssSelector("#notifications a[href$='/integrations/" + coId + "']"));
        wait.until(ExpectedConditions.urlContains("/integrations/custom-objects/" + coId));
        WebElement error = find(By.xpath("//li[contains(@class,'error-item') and @data-connection='" + direction + "' and @data-code='"
                + code + "' and .//p[contains(@class,'cause') and contains(., '" + causeContains + "')]]"));
        checkPage(page);
        return error;
    }

    /** The error names its connection, the cause and a fix; the fix's screens exist (walked without counting). */
    private void assertNamed(WebElement error, String connection, String cause, String fix) {
        assertThat(error.findElement(By.cssSelector(".connection")).getText()).isEqualTo(connection + " connection");
        assertThat(error.findElement(By.cssSelector(".cause")).getText()).startsWith(connection + " connection").contains(cause);
        assertThat(error.findElement(By.cssSelector(".fix")).getText()).contains(fix);
    }

    /** Walks the screens a fix names (Integrations → the integration → Advanced Settings → the row's ⋯ → Update/Test). */
    private void assertFixScreensExist(String fixText, String row) {
        String name = integrations.findForJob(coId).orElseThrow().name();
        assertThat(fixText).contains("Integrations → " + name + " → Settings → Advanced Settings → " + row + " → ⋯ Actions →");
        String here = browser.getCurrentUrl();
        // The verified page may still be navigating (its own refresh) when the walk starts: reopen until the list is shown.
        wait.until(d -> {
            if (!d.getCurrentUrl().equals(baseUrl() + "/integrations")) {
                open("/integrations");
            }
            return !d.findElements(By.linkText(name)).isEmpty();
        });
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(name))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("advanced-settings-link"))).click();
        String key = row.toLowerCase(Locale.ROOT);
        assertThat(text(By.id(key + "-menu-button"))).contains(row);
        browser.findElement(By.id(key + "-menu-button")).click();
        assertThat(find(By.id(key + "-update")).getText()).isEqualTo("Update");
        assertThat(find(By.id(key + "-test")).getText()).isEqualTo("Test");
        browser.get(here);
    }

    private Instant clearedAt(String code) {
        return Await.until("error " + code + " cleared", Duration.ofSeconds(30), () -> jdbc.sql("select max(cleared_at) from"
                + " integration_error where integration_id = ? and code = ? and cleared_at is not null").params(coId, code)
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null), t -> t != null);
    }

    private void assertNoOpenErrors() {
        assertThat(jdbc.sql("select count(*) from integration_error where integration_id = ? and cleared_at is null").param(coId)
                .query(Long.class).single()).isZero();
    }

    private void record(String scenario, String code, String finishedBy, Instant finished, Instant cleared, Duration browser) {
        Duration server = Duration.between(finished, cleared);
        p5.add(String.join(",", scenario, code, finishedBy, String.format(Locale.ROOT, "%.3f", server.toMillis() / 1000.0),
                String.format(Locale.ROOT, "%.3f", browser.toMillis() / 1000.0), String.valueOf(clicks())));
        System.out.printf("Custom Objects repair (%s): %d clicks; last Salesforce click → verified on the page %.3f s;"
                + " P5 %s → %s cleared %.3f s (server clock)%n", scenario, clicks(), browser.toMillis() / 1000.0, finishedBy, code,
                server.toMillis() / 1000.0);
        assertThat(clicks()).isLessThanOrEqualTo(MAX_CLICKS);
        // Loosely bounded on the shared machine (rendering alone has taken seconds at load 30); printed above.
        assertThat(browser).isLessThanOrEqualTo(MAX_TO_VERIFIED.multipliedBy(2));
        assertThat(server).isLessThanOrEqualTo(P5_TARGET);
        assertNoOpenErrors();
    }

    /** The journey page after an Update: verified, the error listed as cleared. */
    private Duration awaitVerifiedJourney(long lastSalesforceClick, String code, String page) {
        WebElement heading = new WebDriverWait(browser, MAX_TO_VERIFIED.multipliedBy(2).plusSeconds(5))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".verified #verified-heading")));
        Duration took = Duration.ofNanos(System.nanoTime() - lastSalesforceClick);
        assertThat(heading.getText()).startsWith("Verified — both connections work");
        assertThat(text(By.id("cleared-now"))).contains(code);
        checkPage(page);
        return took;
    }

    /** The integration's overview after Test: both connections work, nothing needs attention. */
    private Duration awaitVerifiedOverview(long lastSalesforceClick, String page) {
        WebElement message = new WebDriverWait(browser, MAX_TO_VERIFIED.multipliedBy(2).plusSeconds(5))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("flash-message")));
        Duration took = Duration.ofNanos(System.nanoTime() - lastSalesforceClick);
        assertThat(message.getText()).startsWith("Both connections work").contains("cleared");
        find(By.id("all-good"));
        checkPage(page);
        return took;
    }

    @Test
    @Order(2)
    void a_revoked_inbound_connection_is_repaired_from_the_notification() {
        SalesforceFixture.emulator().admin().revokeRefreshTokens(sf.integrationUsername());
        SalesforceFixture.emulator().admin().expireSessions(sf.integrationUsername());
        assertThat(health.probe(coId).problems()).extracting(p -> p.code().name()).contains("AUTH_REVOKED");

        WebElement error = fromTheNotification("INBOUND", "AUTH_REVOKED", "10-inbound-revoked-error");
        assertNamed(error, "Inbound", "revoked", "Advanced Settings → Inbound → ⋯ Actions → Update");
        String fix = error.findElement(By.cssSelector(".fix")).getText();
        click(error.findElement(By.cssSelector(".repair form button")));
        salesforceLogin(sf.integrationUsername());
        long lastSalesforceClick = allowIfAsked();
        Duration took = awaitVerifiedJourney(lastSalesforceClick, "AUTH_REVOKED", "11-inbound-verified");
        Instant authorized = jdbc.sql("select authorized_at from salesforce_connection where integration_id = ?").param(coId)
                .query(java.sql.Timestamp.class).single().toInstant();
        record("Inbound refresh token revoked in Salesforce", "AUTH_REVOKED", "Inbound authorization", authorized,
                clearedAt("AUTH_REVOKED"), took);
        assertFixScreensExist(fix, "Inbound");
    }

    @Test
    @Order(3)
    void outbound_tokens_revoked_on_crosswalks_side_are_repaired_from_the_notification() {
        assertThat(outboundClients.revokeAll(organizationId, coId)).isPositive();
        assertThat(health.probe(coId).problems()).extracting(p -> p.code().name()).contains("OUTBOUND_NOT_AUTHENTICATED");

        WebElement error = fromTheNotification("OUTBOUND", "OUTBOUND_NOT_AUTHENTICATED", "20-outbound-revoked-error");
        assertNamed(error, "Outbound", "Named Credential", "Advanced Settings → Outbound → ⋯ Actions → Update");
        String fix = error.findElement(By.cssSelector(".fix")).getText();
        // The admin's own Salesforce session (the browser last signed in to Salesforce as the integration user, which may
        // not authenticate credentials): a fresh Salesforce sign-in, as the admin, is part of this repair.
        browser.manage().deleteCookieNamed("sid");
        click(error.findElement(By.cssSelector(".repair a.button")));
        salesforceLogin(salesforceAdmin);
        // Crosswalk's consent page: the organization is selected, Connect.
        wait.until(ExpectedConditions.urlContains("/oauth2/consent"));
        WebElement connect = wait.until(ExpectedConditions.elementToBeClickable(By.id("approve")));
        long lastClick = System.nanoTime();
        click(connect);
        Duration took = awaitVerifiedJourney(lastClick, "OUTBOUND_NOT_AUTHENTICATED", "21-outbound-verified");
        Instant tokenIssued = outboundClients.status(organizationId, coId).orElseThrow().lastTokenAt();
        record("Outbound tokens revoked on Crosswalk's side", "OUTBOUND_NOT_AUTHENTICATED", "Outbound token issued", tokenIssued,
                clearedAt("OUTBOUND_NOT_AUTHENTICATED"), took);
        assertFixScreensExist(fix, "Outbound");
    }

    @Test
    @Order(4)
    void an_unassigned_permission_set_is_fixed_in_salesforce_and_verified_by_test() {
        CustomObjectsFixture.unassign(sf);
        assertThat(health.probe(coId).problems()).extracting(p -> p.code().name() + ":" + p.object())
                .contains("PERMISSION_MISSING:" + CustomObjectsFixture.PERMISSION_SET);

        WebElement error = fromTheNotification("INBOUND", "PERMISSION_MISSING", CustomObjectsFixture.PERMISSION_SET,
                "30-permission-set-error");
        assertNamed(error, "Inbound", "Crosswalk_Setup_User", "Advanced Settings → Inbound → ⋯ Actions → Test");
        String fix = error.findElement(By.cssSelector(".fix")).getText();
        assertThat(fix).contains("Assign permission set");
        // The fix in Salesforce (Setup → Users → the integration user → Permission Set Assignments), by its admin API.
        CustomObjectsFixture.assign(sf);
        long lastSalesforceClick = System.nanoTime();
        Instant clicked = Instant.now();
        click(error.findElement(By.cssSelector("form.inline button.secondary")));
        Duration took = awaitVerifiedOverview(lastSalesforceClick, "31-permission-set-verified");
        record("Crosswalk_Setup_User unassigned then assigned again", "PERMISSION_MISSING", "Test click", clicked,
                clearedAt("PERMISSION_MISSING"), took);
        assertFixScreensExist(fix, "Inbound");
    }

    @Test
    @Order(5)
    void a_removed_page_access_is_fixed_in_salesforce_and_verified_by_test() {
        String pageId = sf.org().read(() -> {
            var store = sf.org().store("ApexPage");
            var name = store.type().require("Name");
            return store.all().stream().filter(r -> "CrosswalkSetup".equals(r.get(name))).findFirst().orElseThrow().id();
        });
        PermissionAdmin.revokeSetupEntityAccess(sf.org(), CustomObjectsFixture.permissionSetId(sf), pageId);
        // Page access is part of the preflight, which the five-minute probe runs hourly: the check here is Test's (a verification).
        assertThat(health.verify(coId).problems()).extracting(p -> p.code().name() + ":" + p.object())
                .anyMatch(s -> s.contains("CrosswalkSetup"));

        WebElement error = fromTheNotification("INBOUND", "PERMISSION_MISSING", "CrosswalkSetup", "40-page-access-error");
        assertNamed(error, "Inbound", "CrosswalkSetup", "Advanced Settings → Inbound → ⋯ Actions → Test");
        String fix = error.findElement(By.cssSelector(".fix")).getText();
        CustomObjectsFixture.grantPage(sf);
        long lastSalesforceClick = System.nanoTime();
        Instant clicked = Instant.now();
        click(error.findElement(By.cssSelector("form.inline button.secondary")));
        Duration took = awaitVerifiedOverview(lastSalesforceClick, "41-page-access-verified");
        record("CrosswalkSetup page access removed then granted again", "PERMISSION_MISSING", "Test click", clicked,
                clearedAt("PERMISSION_MISSING"), took);
        assertFixScreensExist(fix, "Inbound");
    }
}
