package dev.crosswalk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the service's integration tests: the real application on a random loopback port,
 * on an embedded PostgreSQL in a fresh temporary data directory (shared by the test classes
 * that share this context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        // As behind a TLS proxy: tests act from other client addresses (X-Forwarded-For) and as HTTPS (X-Forwarded-Proto).
        "server.forward-headers-strategy=native",
        "crosswalk.bootstrap.organization=Acme Corp",
        "crosswalk.bootstrap.admin-email=" + AppIntegrationTest.ADMIN_EMAIL,
        "crosswalk.bootstrap.admin-password=" + AppIntegrationTest.ADMIN_PASSWORD})
public abstract class AppIntegrationTest {
    public static final String ADMIN_EMAIL = "admin@acme-test.example";
    public static final String ADMIN_PASSWORD = "test-admin-password-1";
    /** The operator's Prometheus scrape token of the test application (generated per run). */
    public static final String METRICS_SCRAPE_TOKEN = "scrape-" + java.util.UUID.randomUUID();

    private static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("crosswalk-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crosswalk.data-dir", DATA_DIR::toString);
        registry.add("crosswalk.metrics.scrape-token", () -> METRICS_SCRAPE_TOKEN);
        registry.add("crosswalk.salesforce.client-id", () -> SalesforceFixture.CLIENT_ID);
        registry.add("crosswalk.salesforce.client-secret", () -> SalesforceFixture.CLIENT_SECRET);
        registry.add("crosswalk.salesforce.allow-loopback", () -> "true");
        registry.add("crosswalk.sync.batch-size", () -> "500");
        // Test webhook receivers listen on 127.0.0.1; the rest of loopback stays refused (WebhookAlertsIT uses 127.0.0.2).
        registry.add("crosswalk.webhooks.allowed-networks", () -> "127.0.0.1/32");
        // The after-sync pipeline gives up after two attempts one second apart (AfterSyncPipelineIT waits for that).
        registry.add("crosswalk.pipeline.attempts", () -> "2");
        registry.add("crosswalk.pipeline.first-retry", () -> "PT1S");
        // Several Bulk result pages per object, so a download can break in the middle (health ITs).
        registry.add("crosswalk.salesforce.bulk-page-size", () -> "400");
        // Push writes 50 changed rows or more through a Bulk API 2.0 job, so PushPathsIT reaches that path with 60 rows.
        registry.add("crosswalk.push.bulk-threshold", () -> "50");
        // Alert emails go to a GreenMail SMTP server on loopback.
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> String.valueOf(MailFixture.port()));
    }

    /** Static for PER_CLASS tests (context already up); per test for the rest (Spring Boot resets Logback at start). */
    @org.junit.jupiter.api.BeforeAll
    static void captureLogs() {
        LogCapture.install();
    }

    @org.junit.jupiter.api.BeforeEach
    void captureLogsOnceTheContextIsUp() {
        LogCapture.install();
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
