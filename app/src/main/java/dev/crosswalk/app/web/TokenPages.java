package dev.crosswalk.app.web;

import dev.crosswalk.app.org.ApiTokenService;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Team → API tokens: a member creates personal tokens for scripts (the secret is shown once, on the
 * page right after creating it), sees when each was last used, and revokes them. Admins also see and
 * revoke every member's tokens, so a leaver's scripts can be cut off without their account.
 */
@Controller
class TokenPages {
    /** The lifetimes offered in the form; the API accepts any number of days within the service's bounds. */
    static final List<Integer> EXPIRY_CHOICES = List.of(30, 90, 365);

    private final ApiTokenService tokens;

    TokenPages(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/team/tokens")
    String list(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        model.addAttribute("mine", tokens.mine(me));
        model.addAttribute("others", me.isAdmin()
                ? tokens.organization(me).stream().filter(t -> !t.memberId().equals(me.memberId())).toList()
                : List.of());
        model.addAttribute("expiryChoices", EXPIRY_CHOICES);
        model.addAttribute("tab", "TEAM_API_TOKENS");
        return "team/tokens";
    }

    @PostMapping("/team/tokens")
    String create(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "never") String expires, RedirectAttributes flash) {
        try {
            ApiTokenService.CreatedToken created = tokens.create(me, name, expiresInDays(expires));
            // A flash attribute lives for exactly one redirect: the secret is on the next page and nowhere after it.
            flash.addFlashAttribute("createdSecret", created.secret());
            flash.addFlashAttribute("message", "Token \u201c" + created.token().name()
                    + "\u201d was created. Copy it now: it is shown only once.");
        } catch (CrosswalkException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("draftName", name);
        }
        return "redirect:/team/tokens";
    }

    @PostMapping("/team/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        tokens.revoke(me, id);
        flash.addFlashAttribute("message", "The token was revoked: scripts using it are refused from now on.");
        return "redirect:/team/tokens";
    }

    private static Integer expiresInDays(String value) {
        if ("never".equals(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "Expires: choose one of the offered lifetimes");
        }
    }
}
