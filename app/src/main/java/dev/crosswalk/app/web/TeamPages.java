package dev.crosswalk.app.web;

import dev.crosswalk.app.org.Member;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.org.Role;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Team: the organization's members with their roles (Admins add, change roles and remove, with confirmation). */
@Controller
class TeamPages {
    private final OrganizationService organizations;

    TeamPages(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/team")
    String members(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        model.addAttribute("members", organizations.members(me));
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("tab", "TEAM");
        return "team/members";
    }

    @PostMapping("/team/members")
    String add(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "VIEWER") String role, RedirectAttributes flash) {
        OrganizationService.requireAdmin(me);
        try {
            Member m = organizations.addMember(me, email.strip(), displayName, password, role(role));
            flash.addFlashAttribute("message", m.email() + " was added as " + Ui.Status.words(m.role().name())
                    + ". Give them their password; they can sign in now.");
        } catch (CrosswalkException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("draftEmail", email);
            flash.addFlashAttribute("draftName", displayName);
        }
        return "redirect:/team";
    }

    @PostMapping("/team/members/{id}/role")
    String changeRole(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, @RequestParam String role,
            RedirectAttributes flash) {
        try {
            Member m = organizations.changeRole(me, id, role(role));
            flash.addFlashAttribute("message", m.email() + " is now " + Ui.Status.words(m.role().name()) + ".");
        } catch (CrosswalkException e) {
            if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.FORBIDDEN) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/team";
    }

    @PostMapping("/team/members/{id}/remove")
    String remove(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        String email = organizations.member(me.organizationId(), id).map(Member::email)
                .orElseThrow(() -> CrosswalkException.notFound("Member"));
        try {
            organizations.removeMember(me, id);
            flash.addFlashAttribute("message", email + " was removed from the organization.");
        } catch (CrosswalkException e) {
            if (e.code() == ErrorCode.FORBIDDEN) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/team";
    }

    private static Role role(String value) {
        try {
            return Role.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "role: choose Admin, Manager or Viewer");
        }
    }
}
