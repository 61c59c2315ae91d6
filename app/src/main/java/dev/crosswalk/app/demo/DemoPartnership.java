package dev.crosswalk.app.demo;

import dev.crosswalk.app.integration.CustomObjectsIntegration;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.partner.PartnershipService;
import dev.crosswalk.app.partner.PartnershipStatus;
import dev.crosswalk.app.partner.SharingLevel;
import dev.crosswalk.app.partner.SharingRule;
import dev.crosswalk.app.partner.SharingService;
import dev.crosswalk.app.population.Filter;
import dev.crosswalk.app.population.Population;
import dev.crosswalk.app.population.PopulationService;
import dev.crosswalk.app.push.PushRun;
import dev.crosswalk.app.push.PushService;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The demo's partner story, after both tenants synced: each has "All accounts" and "All leads";
 * Globex shares its accounts' overlaps with a few fields; Acme invites Globex, Globex accepts; Acme
 * connects its Salesforce Custom Objects integration (the Inbound connection, as the integration
 * user holding the package's permission set) and the first push writes Ecosystem_Overlap__c records
 * into Acme's org. Idempotent on a restart with the same data directory.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "crosswalk.demo.enabled", havingValue = "true")
class DemoPartnership {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPartnership.class);

    private final PopulationService populations;
    private final SharingService sharing;
    private final PartnershipService partnerships;
    private final IntegrationService integrations;
    private final CustomObjectsIntegrations customObjects;
    private final PushService pushes;

    DemoPartnership(PopulationService populations, SharingService sharing, PartnershipService partnerships,
            IntegrationService integrations, CustomObjectsIntegrations customObjects, PushService pushes) {
        this.populations = populations;
        this.sharing = sharing;
        this.partnerships = partnerships;
        this.integrations = integrations;
        this.customObjects = customObjects;
        this.pushes = pushes;
    }

    void setUp(MemberPrincipal acme, MemberPrincipal globex, String globexName, String emulatorUrl, String integrationUser,
            String password, String base) {
        for (MemberPrincipal m : new MemberPrincipal[] {acme, globex}) {
            population(m, "All accounts", "Account");
            population(m, "All leads", "Lead");
        }
        // Globex shares which accounts overlap, with their name, industry and type: enough for Acme's reps.
        sharing.setDefault(globex, population(globex, "All accounts", "Account"), new SharingRule(SharingLevel.OVERLAPPING,
                Map.of("Account", Set.of("Name", "Industry", "Type"))));
        sharing.setDefault(globex, population(globex, "All leads", "Lead"), new SharingRule(SharingLevel.COUNTS_ONLY, Map.of()));
        boolean partnered = partnerships.allFor(acme.organizationId()).stream()
                .anyMatch(p -> p.status() == PartnershipStatus.ACCEPTED && p.involves(globex.organizationId()));
        if (!partnered) {
            UUID invited = partnerships.invite(acme, globexName).id();
            partnerships.accept(globex, invited);
        }
        UUID source = integrations.list(acme).get(0).integration().id();
        CustomObjectsIntegration co = customObjects.forSource(acme.organizationId(), source).orElseGet(() -> {
            URI authorize = customObjects.beginAuthorize(acme, source, emulatorUrl, base + "/oauth/salesforce/callback");
            URI callback = new EmulatorBrowser().signIn(authorize, integrationUser, password);
            var params = UriComponentsBuilder.fromUri(callback).build().getQueryParams();
            return customObjects.completeAuthorize(acme, decode(params.getFirst("state")), decode(params.getFirst("code")),
                    params.getFirst("error"), params.getFirst("error_description"));
        });
        PushRun run = pushes.pushNow(acme.organizationId(), co.id());
        LOG.info("Demo: first push into Acme's Salesforce: {} ({} overlap records written, {} Accounts marked, {} API calls, {})",
                run.status(), run.counts().upserted(), run.counts().accountsUpdated(), run.counts().apiCalls(), run.mode());
    }

    private UUID population(MemberPrincipal me, String name, String object) {
        return populations.populations(me.organizationId()).stream().filter(p -> p.name().equals(name)).map(Population::id)
                .findFirst()
                .orElseGet(() -> populations.create(me, new PopulationService.Draft(name, object, Filter.Group.and())).population().id());
    }

    private static String decode(String s) {
        return s == null ? null : java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
