package dev.crosswalk.app.customobjects;

import dev.crosswalk.app.auth.OutboundClients;
import dev.crosswalk.app.integration.CustomObjectsIntegration;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.push.PushService;
import dev.crosswalk.app.system.CrosswalkException;
import java.net.URI;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The setup journey (System Connections), hosted by Crosswalk at {@code /salesforce-setup?org=<Salesforce org id>}:
 * opened from the package's Crosswalk Setup page in Salesforce, or from Advanced Settings → ⋯ → Update on either
 * connection. One pass walks Outbound, the organization, Inbound and Finish, and verifies both connections.
 */
@Controller
@RequestMapping(SetupJourneyController.PATH)
class SetupJourneyController {
    static final String PATH = "/salesforce-setup";
    /** The Named Credential's External Credential authentication in Salesforce (browser flow). */
    static final String OUTBOUND_AUTH_PATH = "/services/auth/xds/Crosswalk";

    private final CustomObjectsIntegrations integrations;
    private final CustomObjectsHealth health;
    private final CustomObjectsSetup setup;
    private final PushService pushes;
    private final OutboundClients outboundClients;

    SetupJourneyController(CustomObjectsIntegrations integrations, CustomObjectsHealth health, CustomObjectsSetup setup,
            PushService pushes, OutboundClients outboundClients) {
        this.outboundClients = outboundClients;
        this.integrations = integrations;
        this.health = health;
        this.setup = setup;
        this.pushes = pushes;
    }

    @GetMapping
    String journey(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(required = false) String org,
            @RequestParam(required = false) String outbound,
            @RequestParam(name = "error_description", required = false) String outboundError,
            @RequestParam(required = false) String inbound, @RequestParam(required = false) String finished, Model model) {
        model.addAttribute("org", org);
        Optional<CustomObjectsIntegrations.Source> source = integrations.sourceForSalesforceOrg(me.organizationId(), org);
        if (source.isEmpty()) {
            return "customobjects/not-a-source";
        }
        Optional<CustomObjectsIntegration> co = integrations.forSource(me.organizationId(), source.get().integration().id());
        CustomObjectsHealth.Verification v = null;
        if (co.isPresent()) {
            // Coming back from an authorization proves something new: check now; otherwise a recent check will do.
            boolean returning = outbound != null || inbound != null;
            v = returning ? health.verify(co.get().id()) : health.recentOrVerify(co.get().id());
            co = integrations.find(me.organizationId(), co.get().id());
        }
        boolean tokenActive = co.flatMap(i -> outboundClients.status(me.organizationId(), i.id()))
                .map(s -> s.tokenHealth() == OutboundClients.TokenHealth.ACTIVE).orElse(false);
        SetupJourney j = SetupJourney.of(source.get(), co.orElse(null),
                co.flatMap(i -> integrations.inbound(me.organizationId(), i.id())).orElse(null), v, finished != null,
                "error".equals(outbound) ? Optional.ofNullable(outboundError).orElse("the authentication failed") : null,
                tokenActive);
        model.addAttribute("j", j);
        // Back from an Update (either connection): say at once whether both connections are verified, and what that cleared.
        boolean returning = "ok".equals(outbound) || inbound != null;
        model.addAttribute("verified", returning && v != null && v.allPassed());
        model.addAttribute("recentlyCleared", co.map(i -> health.recentlyCleared(i.id())).orElse(java.util.List.of()));
        model.addAttribute("admin", me.isAdmin());
        return "customobjects/journey";
    }

    /** Creates the integration for this org's data source (Admins), so the Outbound connection has a client to sign in with. */
    @PostMapping("/create")
    String create(@AuthenticationPrincipal MemberPrincipal me, @RequestParam String org, RedirectAttributes redirect) {
        CustomObjectsIntegrations.Source source = source(me, org);
        CustomObjectsSetup.Created created = setup.create(me, source.integration().id());
        // Shown once: the package's Auth. Provider needs them before step 1 can work.
        redirect.addFlashAttribute("credentials", created.outboundClient());
        return "redirect:" + journeyUrl(org, null);
    }

    /** Step 1: through Salesforce's authentication of the Named Credential, which comes back here. */
    @GetMapping("/outbound")
    String outbound(@AuthenticationPrincipal MemberPrincipal me, @RequestParam String org) {
        OrganizationService.requireAdmin(me);
        CustomObjectsIntegrations.Source source = source(me, org);
        String back = ServletUriComponentsBuilder.fromCurrentContextPath().path(PATH).queryParam("org", org).toUriString();
        URI to = UriComponentsBuilder.fromUriString(source.connection().instanceUrl()).path(OUTBOUND_AUTH_PATH)
                .queryParam("startURL", "{start}").encode().buildAndExpand(back).toUri();
        return "redirect:" + to;
    }

    /** Step 3: Crosswalk's OAuth to Salesforce as the integration user; the callback verifies and comes back here. */
    @PostMapping("/inbound")
    String inbound(@AuthenticationPrincipal MemberPrincipal me, @RequestParam String org) {
        CustomObjectsIntegrations.Source source = source(me, org);
        return "redirect:" + integrations.beginAuthorize(me, source.integration().id());
    }

    /** Step 4: verifies both connections once more and queues the first push. */
    @PostMapping("/finish")
    String finish(@AuthenticationPrincipal MemberPrincipal me, @RequestParam String org) {
        OrganizationService.requireAdmin(me);
        CustomObjectsIntegrations.Source source = source(me, org);
        CustomObjectsIntegration co = integrations.forSource(me.organizationId(), source.integration().id())
                .orElseThrow(() -> CrosswalkException.notFound("Custom Objects integration"));
        CustomObjectsHealth.Verification v = health.verify(co.id());
        if (!v.inbound().works() || !v.outbound().works()) {
            return "redirect:" + journeyUrl(org, null);
        }
        pushes.queue(me.organizationId(), co.id());
        return "redirect:" + journeyUrl(org, "finished");
    }

    private CustomObjectsIntegrations.Source source(MemberPrincipal me, String org) {
        return integrations.sourceForSalesforceOrg(me.organizationId(), org).orElseThrow(() -> CrosswalkException.notFound(
                "A Salesforce data source for org " + org));
    }


    static String journeyUrl(String org, String flag) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(PATH).queryParam("org", org);
        if (flag != null) {
            b.queryParam(flag, "");
        }
        return b.encode().toUriString();
    }
}
