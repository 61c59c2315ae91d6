package dev.crosswalk.app.demo;

import dev.crosswalk.app.integration.Integration;
import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.org.ApiTokenService;
import dev.crosswalk.app.org.Member;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.Organization;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.org.Role;
import dev.crosswalk.app.sync.RunsMatched;
import dev.crosswalk.app.sync.SyncLauncher;
import dev.crosswalk.app.sync.SyncTrigger;
import dev.crosswalk.emulator.SalesforceEmulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code --demo}: creates the organizations Acme Corp and Globex with an Admin each, connects
 * each to its org in the demo emulator through the real OAuth round trip, waits for the first
 * sync (and the matching after it), then prints one line: {@code CROSSWALK_READY url=… user=… password=… token=… emulator=…}.
 * On a restart with the same data directory it reuses what exists and runs an incremental sync.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "crosswalk.demo.enabled", havingValue = "true")
class DemoRunner implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DemoRunner.class);
    static final String PASSWORD = "crosswalk-demo";

    /** A demo tenant: its Crosswalk admin and the Salesforce user its connection signs in as. */
    record Tenant(String organization, String adminEmail, String salesforceUser) {
    }

    static final List<Tenant> TENANTS = List.of(
            new Tenant("Acme Corp", "admin@acme.example", "integration@acme.example"),
            new Tenant("Globex", "admin@globex.example", "admin@globex.example"));
    static final String SALESFORCE_PASSWORD = "Passw0rd!";

    private final OrganizationService organizations;
    private final IntegrationService integrations;
    private final SyncLauncher launcher;
    private final SalesforceEmulator emulator;
    private final WebServerApplicationContext web;
    private final ApiTokenService tokens;
    private static final String DEMO_TOKEN_NAME = "demo";
    private final Duration timeout;
    private final Map<UUID, CountDownLatch> waiting = new ConcurrentHashMap<>();
    private final DemoPartnership partnership;

    DemoRunner(OrganizationService organizations, ApiTokenService tokens, IntegrationService integrations, SyncLauncher launcher,
            SalesforceEmulator emulator, WebServerApplicationContext web,
            @Value("${crosswalk.demo.first-sync-timeout:PT10M}") Duration timeout, DemoPartnership partnership) {
        this.partnership = partnership;
        this.organizations = organizations;
        this.tokens = tokens;
        this.integrations = integrations;
        this.launcher = launcher;
        this.emulator = emulator;
        this.web = web;
        this.timeout = timeout;
    }

    /** After the run's records are keyed and matched too, so the first page already shows overlaps. */
    @EventListener
    void finished(RunsMatched event) {
        CountDownLatch latch = waiting.get(event.organizationId());
        if (latch != null) {
            latch.countDown();
        }
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String base = "http://127.0.0.1:" + web.getWebServer().getPort();
        for (Tenant t : TENANTS) {
            MemberPrincipal admin = ensureAdmin(t);
            Integration integration = integrations.list(admin).stream().findFirst().map(IntegrationService.Details::integration)
                    .orElse(null);
            if (integration == null) {
                awaitSync(admin.organizationId(), () -> connect(admin, t, base) != null);
            } else {
                awaitSync(admin.organizationId(), () -> launcher.launch(integration.id(), SyncTrigger.MANUAL));
            }
        }
        Tenant acme = TENANTS.get(0);
        try {
            partnership.setUp(ensureAdmin(acme), ensureAdmin(TENANTS.get(1)), TENANTS.get(1).organization(), emulator.baseUrl(),
                    acme.salesforceUser(), SALESFORCE_PASSWORD, base);
        } catch (RuntimeException e) {
            // The tenants are usable without the partner story; say loudly what is missing rather than refuse to start.
            LOG.error("Demo: the Acme–Globex partnership, Custom Objects integration or first push failed; the demo starts without it", e);
        }
        String token = demoToken(ensureAdmin(acme));
        System.out.println("CROSSWALK_READY url=" + base + " user=" + acme.adminEmail() + " password=" + PASSWORD
                + " token=" + token + " emulator=" + emulator.baseUrl());
        System.out.flush();
    }

    /** A fresh personal API token for scripts against the demo; the previous demo run's token is revoked. */
    private String demoToken(MemberPrincipal admin) {
        tokens.mine(admin).stream().filter(t -> t.name().equals(DEMO_TOKEN_NAME)).forEach(t -> tokens.revoke(admin, t.id()));
        return tokens.create(admin, DEMO_TOKEN_NAME, null).secret();
    }

    private MemberPrincipal ensureAdmin(Tenant t) {
        Organization org = organizations.organizations().stream().filter(o -> o.name().equals(t.organization())).findFirst()
                .orElse(null);
        if (org == null) {
            Member m = organizations.createOrganization(t.organization(), t.adminEmail(), "Demo Admin", PASSWORD);
            return new MemberPrincipal(m.id(), m.organizationId(), m.email(), Role.ADMIN, "");
        }
        MemberPrincipal probe = new MemberPrincipal(null, org.id(), t.adminEmail(), Role.ADMIN, "");
        Member m = organizations.members(probe).stream().filter(x -> x.email().equalsIgnoreCase(t.adminEmail())).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo organization " + t.organization() + " has no " + t.adminEmail()));
        return new MemberPrincipal(m.id(), m.organizationId(), m.email(), m.role(), "");
    }

    /** The admin's connect click, the emulator's sign-in page, and the callback — all through the real code paths. */
    private UUID connect(MemberPrincipal admin, Tenant t, String base) {
        URI authorize = integrations.beginConnect(admin, emulator.baseUrl(), "Salesforce — " + t.organization(), null, false,
                base + "/oauth/salesforce/callback");
        URI callback = new EmulatorBrowser().signIn(authorize, t.salesforceUser(), SALESFORCE_PASSWORD);
        var params = UriComponentsBuilder.fromUri(callback).build().getQueryParams();
        Integration i = integrations.completeConnect(admin, decode(params.getFirst("state")), decode(params.getFirst("code")),
                params.getFirst("error"), params.getFirst("error_description"));
        LOG.info("Demo: connected {} to Salesforce org as {}", t.organization(), t.salesforceUser());
        return i.id();
    }

    /** Starts something that ends in a sync of the organization, and waits for that sync's matching to end (no polling). */
    private void awaitSync(UUID organizationId, java.util.function.BooleanSupplier start) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        waiting.put(organizationId, latch);
        try {
            if (start.getAsBoolean() && !latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the demo's sync did not finish within " + timeout);
            }
        } finally {
            waiting.remove(organizationId);
        }
    }

    private static String decode(String s) {
        return s == null ? null : java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
