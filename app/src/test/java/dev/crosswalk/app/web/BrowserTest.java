package dev.crosswalk.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.Syncs;
import dev.crosswalk.app.sync.SyncEngine;
import dev.crosswalk.app.sync.SyncTrigger;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/**
 * Base of the browser tests: the real application (see {@link AppIntegrationTest}) walked by one
 * headless Chromium per test class, like a person would — with helpers to sign in, count clicks,
 * save screenshots under {@code app/target/screenshots/}, check a page with axe-core (0 serious
 * or critical violations) and check it at a phone's 390 px width (no sideways scrolling).
 * Skipped only where {@code /usr/bin/chromedriver} or {@code /usr/bin/chromium} is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest extends AppIntegrationTest {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    /** Desktop size the pages are normally walked at. */
    private static final int DESKTOP_WIDTH = 1280;
    private static final int DESKTOP_HEIGHT = 900;
    public static final int PHONE_WIDTH = 390;

    @Autowired
    protected SyncEngine engine;

    protected ChromeDriver browser;
    protected WebDriverWait wait;
    private Path profile;
    private int clicks;

    @BeforeAll
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "Browser test skipped: /usr/bin/chromedriver or /usr/bin/chromium is missing (apt-get install -y chromium chromium-driver)");
        profile = Files.createTempDirectory("crosswalk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT, "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    /**
     * A Salesforce org connected over the API and synced once, whose authorization was then
     * revoked in Salesforce and seen by a run: its integration has AUTH_REVOKED open and is in Error
     * (which raised an alert). Returns the integration's id.
     */
    protected UUID connectAndBreak(String name) {
        TestOrg sf = SalesforceFixture.newOrg(name);
        for (int i = 0; i < 30; i++) {
            sf.addAccount(name + " Co " + i, "co" + i + "." + name.toLowerCase().replace(' ', '-') + ".example");
        }
        ApiClient admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        UUID id = UUID.fromString(Syncs.connect(admin, sf));
        Syncs.awaitRun(admin, id.toString(), 1);
        SalesforceFixture.emulator().state().tokens().revokeRefreshTokensOfUser(sf.integrationUserId());
        engine.run(id, SyncTrigger.MANUAL);
        assertThat(admin.get("/api/v1/integrations/" + id + "/health").json().get("errors").valueStream()
                .map(e -> e.get("code").asString())).containsExactly("AUTH_REVOKED");
        return id;
    }

    /** Opens a path of the service. */
    protected void open(String path) {
        browser.get(baseUrl() + path);
    }

    /** Signs in through the login form (signing out first if someone is signed in). */
    protected void signIn(String email, String password) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        WebElement form = browser.findElement(By.id("sign-in"));
        form.click();
        // The login page has a #main too: wait for it to go, or later lookups race the navigation.
        awaitGone(form);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    }

    /**
     * Waits until the element left the document (the page navigated away). Chromium sometimes answers for a node of
     * the page being unloaded with "Node with given id does not belong to the document" instead of a stale element:
     * that is the same news, not a failure.
     */
    protected void awaitGone(WebElement element) {
        wait.until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    protected void signInAsAdmin() {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A click as a person makes it, counted (typing is not counted). */
    protected void click(By by) {
        WebElement e = wait.until(ExpectedConditions.elementToBeClickable(by));
        e.click();
        clicks++;
    }

    protected void click(WebElement e) {
        e.click();
        clicks++;
    }

    protected int clicks() {
        return clicks;
    }

    protected void resetClicks() {
        clicks = 0;
    }

    protected WebElement find(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** The element's text, read again if the page replaced the element meanwhile (a navigation or an htmx swap). */
    protected String text(By by) {
        return wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(by).getText());
    }

    /**
     * The flash message once it says {@code expected}: a page that already shows an earlier flash keeps it until the
     * click's navigation lands, so reading it at once can read the old one.
     */
    protected String awaitFlash(String expected) {
        return awaitText(By.id("flash-message"), expected);
    }

    /**
     * The element's text once it contains {@code expected} (the same race as {@link #awaitFlash}: a form submitted
     * again answers with the same element, and until the new page lands the old one is still there).
     */
    protected String awaitText(By by, String expected) {
        try {
            wait.ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(by).stream().anyMatch(e -> e.getText().contains(expected)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + by + " saying \"" + expected + "\"; the page shows: "
                    + browser.findElements(by).stream().map(WebElement::getText).toList(), e);
        }
        return text(by);
    }

    /** Saves {@code target/screenshots/<TestClass>-<name>.png}. */
    protected Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + name + ".png");
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core on the current page: no serious or critical violation (the failure lists them). */
    protected void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(browser);
        List<Rule> blocking = results.getViolations().stream().filter(r -> BLOCKING_IMPACTS.contains(r.getImpact())).toList();
        assertThat(blocking).as(() -> page + " has accessibility violations:\n" + blocking.stream()
                .map(r -> r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " at " + r.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    /**
     * The current page at a phone's width: no sideways scrolling, then a screenshot. The desktop
     * size is restored afterwards.
     */
    protected void assertFitsPhone(String page) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            // The override re-lays the page out at once (media queries included); no reload needed.
            long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
            long clientWidth = ((Number) js("return document.documentElement.clientWidth")).longValue();
            screenshot(page + "-390px");
            assertThat(scrollWidth).as(page + " scrolls sideways at " + PHONE_WIDTH + " px (content " + scrollWidth
                    + " px wide, viewport " + clientWidth + " px): " + widest()).isLessThanOrEqualTo(clientWidth);
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** Screenshot, axe-core and the 390 px pass for the current page. */
    protected void checkPage(String page) {
        find(By.id("main"));
        screenshot(page);
        assertAccessible(page);
        assertFitsPhone(page);
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Names the elements that stick out of the viewport, to make a failing 390 px check readable. */
    private String widest() {
        return String.valueOf(js("""
                const w = document.documentElement.clientWidth, out = [];
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  if (r.right > w + 1) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '') + ' ' + Math.round(r.right));
                  if (out.length > 8) break;
                }
                return out.join(', ');"""));
    }
}
