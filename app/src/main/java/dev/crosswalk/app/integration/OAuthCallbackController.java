package dev.crosswalk.app.integration;

import dev.crosswalk.app.connection.AuthorizationPurpose;
import dev.crosswalk.app.connection.ConnectionService;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.system.CrosswalkException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where Salesforce sends the admin's browser back after sign-in. One callback URL is registered in
 * the connected app; the stored round trip says whether it connected a data source or the Inbound
 * connection of a Custom Objects integration.
 */
@Controller
class OAuthCallbackController {
    /** The setup journey (System Connections), which shows the new Inbound connection's preflight. */
    static final String SETUP_JOURNEY_PATH = "/salesforce-setup";

    private final ConnectionService connections;
    private final IntegrationService service;
    private final CustomObjectsIntegrations customObjects;

    OAuthCallbackController(ConnectionService connections, IntegrationService service, CustomObjectsIntegrations customObjects) {
        this.connections = connections;
        this.service = service;
        this.customObjects = customObjects;
    }

    @GetMapping(IntegrationController.CALLBACK_PATH)
    String callback(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(required = false) String state,
            @RequestParam(required = false) String code, @RequestParam(required = false) String error,
            @RequestParam(name = "error_description", required = false) String errorDescription, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            OrganizationService.requireAdmin(me);
            ConnectionService.Authorized a = connections.finish(me.organizationId(), me.memberId(), state, code, error, errorDescription);
            if (a.purpose() == AuthorizationPurpose.CUSTOM_OBJECTS) {
                CustomObjectsIntegration co = customObjects.complete(me, a);
                return "redirect:" + UriComponentsBuilder.fromPath(SETUP_JOURNEY_PATH)
                        .queryParam("org", a.identity().orgId()).queryParam("inbound", "ok")
                        .queryParam("integration", co.id()).build().toUriString();
            }
            Integration i = service.complete(me, a);
            return "redirect:/integrations/" + i.id() + "?connected";
        } catch (CrosswalkException e) {
            response.setStatus(e.code().status().value());
            model.addAttribute("code", e.code().name());
            model.addAttribute("message", e.getMessage());
            e.related().ifPresent(r -> {
                model.addAttribute("existingIntegrationId", r.id());
                model.addAttribute("existingIntegrationName", r.name());
            });
            return "connect-failed";
        }
    }
}
