package dev.crosswalk.app.web;

import dev.crosswalk.app.health.HealthViews;
import dev.crosswalk.app.health.IntegrationError;
import dev.crosswalk.app.health.Notifications;
import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.org.MemberPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page (what needs attention first, then how things stand) and the notifications. */
@Controller
class DashboardPages {
    private final IntegrationService integrations;
    private final HealthViews health;
    private final Notifications notifications;

    DashboardPages(IntegrationService integrations, HealthViews health, Notifications notifications) {
        this.integrations = integrations;
        this.health = health;
        this.notifications = notifications;
    }

    /** An integration with open errors, and the first error's id for its Fix now. */
    record Attention(IntegrationService.Details d, List<IntegrationError> errors) {
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        List<IntegrationService.Details> all = integrations.list(me);
        model.addAttribute("integrations", all);
        model.addAttribute("attention", attention(me, all));
        model.addAttribute("notifications", notifications.recent(me.organizationId(), me.memberId(), 5));
        return "dashboard";
    }

    @GetMapping("/notifications")
    String notifications(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        List<Notifications.Notification> list = notifications.recent(me.organizationId(), me.memberId(), 50);
        model.addAttribute("notifications", list);
        model.addAttribute("attention", attention(me, integrations.list(me)));
        notifications.markAllRead(me.memberId());
        return "notifications";
    }

    private List<Attention> attention(MemberPrincipal me, List<IntegrationService.Details> all) {
        List<Attention> out = new ArrayList<>();
        for (IntegrationService.Details d : all) {
            List<IntegrationError> errors = health.health(me.organizationId(), d.integration().id()).errors();
            if (!errors.isEmpty()) {
                out.add(new Attention(d, errors));
            }
        }
        return out;
    }
}
