package dev.crosswalk.app.customobjects;

import dev.crosswalk.app.auth.OutboundClients;
import dev.crosswalk.app.health.HealthService;
import dev.crosswalk.app.health.IntegrationError;
import dev.crosswalk.app.integration.CustomObjectsIntegration;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.push.PushSettings;
import dev.crosswalk.app.push.PushSettingsService;
import dev.crosswalk.app.system.CrosswalkException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Custom Objects integration's pages: Add (for an org that is already a data source), its
 * overview with the errors and their repair, General Settings (what to push, frequency, pause;
 * applied only by Save General Settings) and Advanced Settings (the Inbound and Outbound rows with
 * their ⋯ menus, and the permission preflight).
 */
@Controller
@RequestMapping(CustomObjectsPages.BASE)
class CustomObjectsPages {
    static final String BASE = "/integrations/custom-objects";

    private final CustomObjectsIntegrations integrations;
    private final IntegrationService sources;
    private final CustomObjectsHealth health;
    private final HealthService errors;
    private final PushSettingsService pushSettings;
    private final PushChoices choices;
    private final OutboundClients outbound;
    private final CustomObjectsSetup setup;

    CustomObjectsPages(CustomObjectsIntegrations integrations, IntegrationService sources, CustomObjectsHealth health,
            HealthService errors, PushSettingsService pushSettings, PushChoices choices, OutboundClients outbound,
            CustomObjectsSetup setup) {
        this.setup = setup;
        this.integrations = integrations;
        this.sources = sources;
        this.health = health;
        this.errors = errors;
        this.pushSettings = pushSettings;
        this.choices = choices;
        this.outbound = outbound;
    }

    /** One open error as shown: which connection, the cause, the fix, and where to repair it. */
    record ShownError(IntegrationError error, Direction direction) {
    }

    @GetMapping("/new")
    String add(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        model.addAttribute("sources", sources.list(me).stream().filter(d -> d.connection() != null).map(d -> new AddOption(d,
                integrations.forSource(me.organizationId(), d.integration().id()).orElse(null))).toList());
        return "customobjects/new";
    }

    record AddOption(IntegrationService.Details source, CustomObjectsIntegration existing) {
    }

    @PostMapping
    String create(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(required = false) String sourceIntegrationId,
            RedirectAttributes redirect) {
        UUID source = CustomObjectsIntegrations.uuid("sourceIntegrationId", sourceIntegrationId);
        CustomObjectsSetup.Created created = setup.create(me, source);
        redirect.addFlashAttribute("credentials", created.outboundClient());
        redirect.addFlashAttribute("message", "Added. Copy the client id and secret into the package's Auth. Provider in"
                + " Salesforce, then continue the setup.");
        return "redirect:" + BASE + "/" + created.integration().id() + "/settings/advanced";
    }

    @GetMapping("/{id}")
    String overview(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        common(me, id, model);
        return "customobjects/overview";
    }

    @GetMapping("/{id}/settings")
    String general(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        common(me, id, model);
        model.addAttribute("push", pushSettings.get(me.organizationId(), id));
        model.addAttribute("options", choices.options(me));
        return "customobjects/general";
    }

    /** Save General Settings: what to push (each "all" or the chosen ones), frequency and pause, together. */
    @PostMapping("/{id}/settings")
    String saveGeneral(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id,
            @RequestParam(defaultValue = "all") String partnersMode, @RequestParam(required = false) List<UUID> partners,
            @RequestParam(defaultValue = "all") String myPopulationsMode, @RequestParam(required = false) List<UUID> myPopulations,
            @RequestParam(defaultValue = "all") String partnerPopulationsMode,
            @RequestParam(required = false) List<UUID> partnerPopulations,
            @RequestParam(defaultValue = "all") String partnerFieldsMode, @RequestParam(required = false) List<String> partnerFields,
            @RequestParam Integer frequencyHours, @RequestParam(defaultValue = "false") boolean paused,
            RedirectAttributes redirect) {
        OrganizationService.requireAdmin(me);
        try {
            integrations.updateSchedule(me, id, frequencyHours, paused);
            pushSettings.save(me.organizationId(), id, new PushSettings(chosen(partnersMode, partners),
                    chosen(myPopulationsMode, myPopulations), chosen(partnerPopulationsMode, partnerPopulations),
                    chosen(partnerFieldsMode, partnerFields)));
            redirect.addFlashAttribute("message", "General Settings saved. A push runs now with them.");
        } catch (CrosswalkException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + BASE + "/" + id + "/settings";
    }

    private static <T> Set<T> chosen(String mode, List<T> values) {
        return "all".equals(mode) ? null : new LinkedHashSet<>(values == null ? List.of() : values);
    }

    @GetMapping("/{id}/settings/advanced")
    String advanced(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        common(me, id, model);
        model.addAttribute("outbound", outbound.status(me.organizationId(), id).orElse(null));
        model.addAttribute("lastCallout", health.lastOutbound(id).orElse(null));
        model.addAttribute("preflight", health.lastPreflight(me.organizationId(), id));
        return "customobjects/advanced";
    }

    /** ⋯ → Test on either row: verifies both connections now. */
    @PostMapping("/{id}/test")
    String test(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, @RequestParam(defaultValue = "advanced") String back,
            RedirectAttributes redirect) {
        OrganizationService.requireAdmin(me);
        CustomObjectsHealth.Verification v = health.verify(integrations.require(me.organizationId(), id).id());
        redirect.addFlashAttribute(v.allPassed() ? "message" : "error", v.allPassed()
                ? "Both connections work (checked in " + v.took().toMillis() + " ms)" + (v.cleared().isEmpty() ? "."
                        : "; " + v.cleared().size() + " error(s) cleared.")
                : "Still not working: " + v.problems().size() + " problem(s), each listed with its fix.");
        return "redirect:" + BASE + "/" + id + ("overview".equals(back) ? "" : "/settings/advanced");
    }

    /** ⋯ → New client secret on the Outbound row: shown once, for the package's Auth. Provider. */
    @PostMapping("/{id}/outbound/secret")
    String rotateSecret(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("credentials", setup.rotateSecret(me, id));
        redirect.addFlashAttribute("message", "A new client secret: set it in the package's Auth. Provider in Salesforce.");
        return "redirect:" + BASE + "/" + id + "/settings/advanced";
    }

    @PostMapping("/{id}/inbound/disconnect")
    String disconnectInbound(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        integrations.disconnectInbound(me, id);
        redirect.addFlashAttribute("message", "The Inbound connection is disconnected; Update connects it again.");
        return "redirect:" + BASE + "/" + id + "/settings/advanced";
    }

    @PostMapping("/{id}/outbound/disconnect")
    String disconnectOutbound(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        OrganizationService.requireAdmin(me);
        integrations.require(me.organizationId(), id);
        int revoked = outbound.revokeAll(me.organizationId(), id);
        redirect.addFlashAttribute("message", "The Outbound connection is disconnected (" + revoked + " token(s) revoked);"
                + " Update connects it again.");
        return "redirect:" + BASE + "/" + id + "/settings/advanced";
    }

    private void common(MemberPrincipal me, UUID id, Model model) {
        CustomObjectsIntegration co = integrations.require(me.organizationId(), id);
        CustomObjectsIntegrations.Source source = integrations.source(me.organizationId(), co.sourceIntegrationId());
        model.addAttribute("co", co);
        model.addAttribute("source", source);
        model.addAttribute("inbound", integrations.inbound(me.organizationId(), id).orElse(null));
        model.addAttribute("errors", shown(co));
        model.addAttribute("journey", SetupJourneyController.journeyUrl(source.salesforceOrgId(), null));
        model.addAttribute("admin", me.isAdmin());
    }

    private List<ShownError> shown(CustomObjectsIntegration co) {
        return errors.openErrors(co.id()).stream().filter(IntegrationError::visible)
                .map(e -> new ShownError(e, Direction.of(e.code()))).collect(Collectors.toList());
    }
}
