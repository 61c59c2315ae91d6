package dev.crosswalk.app.web;

import dev.crosswalk.app.connection.SalesforceProperties;
import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.sync.SyncRun;
import dev.crosswalk.app.sync.SyncService;
import dev.crosswalk.app.system.CrosswalkException;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The minimal server-rendered pages: the integrations list with Connect Salesforce, Sync now and
 * the pause toggle, and one integration's connection and last runs. Forms carry CSRF tokens
 * (Thymeleaf's {@code th:action} adds them). Failures are shown on the page, not as JSON.
 */
@Controller
class IntegrationPages {
    /** Must match the callback the integration feature serves. */
    static final String CALLBACK_PATH = "/oauth/salesforce/callback";

    private final IntegrationService integrations;
    private final SyncService syncs;
    private final SalesforceProperties properties;

    IntegrationPages(IntegrationService integrations, SyncService syncs, SalesforceProperties properties) {
        this.integrations = integrations;
        this.syncs = syncs;
        this.properties = properties;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/integrations";
    }

    @GetMapping("/integrations")
    String list(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("integrations", integrations.list(me));
        return "integrations";
    }

    @GetMapping("/integrations/{id}")
    String details(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        IntegrationService.Details details = integrations.get(me.organizationId(), id);
        List<SyncRun> runs = syncs.runs(me, id, 10);
        model.addAttribute("me", me);
        model.addAttribute("d", details);
        model.addAttribute("runs", runs);
        // While a run is going, the page reloads itself so progress shows without scripts.
        model.addAttribute("refresh", runs.stream().anyMatch(r -> r.status().equals("RUNNING"))
                || details.effectiveStatus().name().equals("FIRST_SYNC_IN_PROGRESS"));
        return "integration";
    }

    /** Login host choice: production, sandbox, a My Domain, or a URL (the emulator in local setups). */
    @PostMapping("/integrations/connect")
    String connect(@AuthenticationPrincipal MemberPrincipal me, @RequestParam String hostKind,
            @RequestParam(required = false, defaultValue = "") String host, @RequestParam(required = false) String name,
            RedirectAttributes flash) {
        String loginHost = switch (hostKind) {
            case "production", "sandbox" -> hostKind;
            default -> host.strip();
        };
        try {
            return "redirect:" + integrations.beginConnect(me, loginHost, name, null, false, callbackUrl());
        } catch (CrosswalkException | IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/integrations";
        }
    }

    @PostMapping("/integrations/{id}/sync")
    String syncNow(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        try {
            syncs.syncNow(me, id);
            flash.addFlashAttribute("message", "Sync started.");
        } catch (CrosswalkException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/integrations/" + id;
    }

    @PostMapping("/integrations/{id}/pause")
    String pause(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, @RequestParam boolean paused,
            RedirectAttributes flash) {
        try {
            integrations.updateSettings(me, id, new IntegrationService.SettingsChange(null, paused, null, null));
            flash.addFlashAttribute("message", paused ? "Paused: not syncing." : "Resumed.");
        } catch (CrosswalkException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/integrations";
    }

    private String callbackUrl() {
        if (!properties.callbackUrl().isBlank()) {
            return properties.callbackUrl();
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK_PATH).toUriString();
    }
}
