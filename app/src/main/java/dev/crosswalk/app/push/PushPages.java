package dev.crosswalk.app.push;

import dev.crosswalk.app.integration.CustomObjectsIntegration;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.org.MemberPrincipal;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The Rejected rows tab of a Custom Objects integration: counts by Salesforce error code, each row with its message and the fix. */
@Controller
class PushPages {
    private final PushService pushes;
    private final CustomObjectsIntegrations integrations;

    PushPages(PushService pushes, CustomObjectsIntegrations integrations) {
        this.pushes = pushes;
        this.integrations = integrations;
    }

    @GetMapping("/integrations/{id}/push/rejected-rows")
    String rejectedRows(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        CustomObjectsIntegration co = integrations.require(me.organizationId(), id);
        // The Custom Objects integration's header (title, status, tabs) is shared with its other pages.
        model.addAttribute("co", co);
        model.addAttribute("source", integrations.source(me.organizationId(), co.sourceIntegrationId()));
        model.addAttribute("pushStatus", pushes.status(me.organizationId(), id));
        model.addAttribute("rejectedRows", pushes.rejectedRows(me.organizationId(), id, 200, 0));
        return "push/rejected-rows";
    }
}
