package dev.crosswalk.app.integration;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.system.CrosswalkException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where Salesforce sends the admin's browser back after sign-in. */
@Controller
class OAuthCallbackController {
    private final IntegrationService service;

    OAuthCallbackController(IntegrationService service) {
        this.service = service;
    }

    @GetMapping(IntegrationController.CALLBACK_PATH)
    String callback(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(required = false) String state,
            @RequestParam(required = false) String code, @RequestParam(required = false) String error,
            @RequestParam(name = "error_description", required = false) String errorDescription, Model model) {
        try {
            Integration i = service.completeConnect(me, state, code, error, errorDescription);
            return "redirect:/integrations/" + i.id() + "?connected";
        } catch (CrosswalkException e) {
            model.addAttribute("code", e.code().name());
            model.addAttribute("message", e.getMessage());
            return "connect-failed";
        }
    }
}
