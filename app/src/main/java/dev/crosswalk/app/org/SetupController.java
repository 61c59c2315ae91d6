package dev.crosswalk.app.org;

import dev.crosswalk.app.system.CrosswalkException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one-time setup page: only usable while no organization exists. */
@Controller
class SetupController {
    private final OrganizationService organizations;

    SetupController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/setup")
    String form() {
        return organizations.hasAnyOrganization() ? "redirect:/login" : "setup";
    }

    @PostMapping("/setup")
    synchronized String create(@RequestParam String organization, @RequestParam String email, @RequestParam String password,
            Model model) {
        if (organizations.hasAnyOrganization()) {
            return "redirect:/login";
        }
        try {
            organizations.createOrganization(organization, email, email, password);
        } catch (CrosswalkException e) {
            model.addAttribute("error", e.getMessage());
            return "setup";
        }
        return "redirect:/login?created";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** A throttled sign-in, forwarded here by the login failure handler with its status 429 and Retry-After set. */
    @RequestMapping(MemberSecurity.THROTTLED_PAGE)
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(MemberSecurity.RETRY_AFTER) instanceof Long seconds)) {
            return "redirect:/login";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("retryAfterMinutes", Math.max(1, (seconds + 59) / 60));
        return "login";
    }
}
