package dev.crosswalk.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Login and the OAuth round trip in a real browser: headless Chromium signs in to Crosswalk,
 * clicks Connect Salesforce, signs in on the emulator's login page, approves, lands on the
 * integration page and sees the first sync finish. Skipped only where chromedriver is not
 * installed (CI installs it: see .ci/run).
 */
class BrowserIT extends AppIntegrationTest {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "Browser test skipped: /usr/bin/chromedriver or /usr/bin/chromium is missing (apt-get install -y chromium chromium-driver)");
        profile = Files.createTempDirectory("crosswalk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    @Test
    void an_admin_signs_in_connects_salesforce_through_the_login_page_and_sees_the_first_sync_finish() {
        TestOrg sf = SalesforceFixture.newOrg("Browser Org");
        for (int i = 0; i < 25; i++) {
            sf.addAccount("Browser Co " + i, "browser" + i + ".example");
        }
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

        browser.get(baseUrl() + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.name("username")).sendKeys(ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(baseUrl() + "/integrations"));

        browser.findElement(By.name("name")).sendKeys("Browser Org");
        browser.findElement(By.cssSelector("input[name=hostKind][value=url]")).click();
        browser.findElement(By.name("host")).sendKeys(SalesforceFixture.url());
        browser.findElement(By.id("connect")).click();

        // The emulator's login page, then its consent page.
        wait.until(ExpectedConditions.urlContains(SalesforceFixture.url()));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).sendKeys(sf.integrationUsername());
        browser.findElement(By.name("password")).sendKeys(SalesforceFixture.PASSWORD);
        browser.findElement(By.id("Login")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("oaapprove"))).click();

        wait.until(ExpectedConditions.urlMatches(baseUrl() + "/integrations/[0-9a-f-]{36}\\?connected"));
        assertThat(browser.findElement(By.id("connected")).getText()).contains("connected");
        assertThat(browser.findElement(By.id("sf-username")).getText()).isEqualTo(sf.integrationUsername());
        assertThat(browser.findElement(By.id("sf-org")).getText()).isEqualTo(sf.org().id());

        // The page reloads itself while the first sync runs.
        wait.until(d -> d.findElements(By.cssSelector("#runs .run-status")).stream().anyMatch(e -> e.getText().equals("SUCCEEDED")));
        assertThat(browser.findElement(By.cssSelector("#runs .run-records")).getText()).startsWith("25 read");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("ACTIVE");

        browser.findElement(By.linkText("← Integrations")).click();
        assertThat(browser.findElement(By.id("integrations")).getText()).contains("Browser Org").contains("ACTIVE");
    }
}
