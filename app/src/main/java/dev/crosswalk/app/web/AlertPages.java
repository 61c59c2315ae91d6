package dev.crosswalk.app.web;

import dev.crosswalk.app.health.AlertEmails;
import dev.crosswalk.app.health.Webhooks;
import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Team → Alerts: webhooks (add, delete, send a test), the alerts sent with each delivery's status, and my alert emails. */
@Controller
class AlertPages {
    private final Webhooks webhooks;
    private final AlertEmails emails;
    private final IntegrationService integrations;

    AlertPages(Webhooks webhooks, AlertEmails emails, IntegrationService integrations) {
        this.webhooks = webhooks;
        this.emails = emails;
        this.integrations = integrations;
    }

    @GetMapping("/team/alerts")
    String alerts(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        Map<UUID, String> hookUrls = new HashMap<>();
        var hooks = webhooks.list(me.organizationId());
        hooks.forEach(h -> hookUrls.put(h.id(), h.url()));
        Map<UUID, String> names = new HashMap<>();
        integrations.list(me).forEach(d -> names.put(d.integration().id(), d.integration().name()));
        model.addAttribute("hooks", hooks);
        model.addAttribute("hookUrls", hookUrls);
        model.addAttribute("names", names);
        model.addAttribute("sent", webhooks.recent(me.organizationId(), 20));
        model.addAttribute("emailOn", !emails.optedOut(me.memberId()));
        model.addAttribute("mailConfigured", emails.configured());
        return "team/alerts";
    }

    @PostMapping("/team/alerts/webhooks")
    String add(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String description, RedirectAttributes flash) {
        try {
            Webhooks.Created c = webhooks.create(me, url, description);
            flash.addFlashAttribute("message", "Webhook added. Copy its signing secret now: it is not shown again.");
            flash.addFlashAttribute("secret", c.secret());
        } catch (CrosswalkException e) {
            if (e.code() == ErrorCode.FORBIDDEN) {
                throw e;
            }
            flash.addFlashAttribute("urlError", e.getMessage().replaceFirst("^url: ", ""));
            flash.addFlashAttribute("draftUrl", url);
            flash.addFlashAttribute("draftDescription", description);
        }
        return "redirect:/team/alerts";
    }

    @PostMapping("/team/alerts/webhooks/{id}/delete")
    String delete(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        webhooks.delete(me, id);
        flash.addFlashAttribute("message", "Webhook deleted.");
        return "redirect:/team/alerts";
    }

    @PostMapping("/team/alerts/webhooks/{id}/test")
    String test(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        String outcome = webhooks.sendTest(me, id);
        if ("DELIVERED".equals(outcome)) {
            flash.addFlashAttribute("message", "Test delivered: the webhook answered with success.");
        } else {
            flash.addFlashAttribute("error", "Test not delivered: " + Ui.Status.words(outcome).toLowerCase() + ".");
        }
        return "redirect:/team/alerts";
    }

    @PostMapping("/team/alerts/email")
    String email(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "false") boolean on,
            RedirectAttributes flash) {
        emails.setOptOut(me.memberId(), !on);
        flash.addFlashAttribute("message", on ? "You get alert emails." : "You no longer get alert emails.");
        return "redirect:/team/alerts";
    }
}
