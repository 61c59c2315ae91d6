package dev.crosswalk.app.push;

import dev.crosswalk.app.org.MemberPrincipal;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The Rejected rows view of a Custom Objects integration; its section is also a fragment the integration page includes. */
@Controller
class PushPages {
    private final PushService pushes;

    PushPages(PushService pushes) {
        this.pushes = pushes;
    }

    @GetMapping("/integrations/{id}/push/rejected-rows")
    String rejectedRows(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        model.addAttribute("integrationId", id);
        model.addAttribute("pushStatus", pushes.status(me.organizationId(), id));
        model.addAttribute("rejectedRows", pushes.rejectedRows(me.organizationId(), id, 200, 0));
        return "push/rejected-rows";
    }
}
