package dev.crosswalk.app.web;

import dev.crosswalk.app.connection.LoginHosts;
import dev.crosswalk.app.connection.SalesforceProperties;
import dev.crosswalk.app.health.HealthProbe;
import dev.crosswalk.app.health.HealthViews;
import dev.crosswalk.app.health.IntegrationError;
import dev.crosswalk.app.health.Repair;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.integration.SyncSettings;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.Role;
import dev.crosswalk.app.record.RecordService;
import dev.crosswalk.app.sync.SyncRun;
import dev.crosswalk.app.sync.SyncService;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import dev.crosswalk.app.system.Screens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The integrations list, Add integration, and one integration's tabs (Overview, Settings,
 * Errors, History) with the connection's ⋯ actions and the errors' Fix now. Forms post and
 * redirect (Thymeleaf adds the CSRF token); failures are shown on the page, never as JSON.
 */
@Controller
class IntegrationPages {
    /** Must match the callback the integration feature serves. */
    static final String CALLBACK_PATH = "/oauth/salesforce/callback";

    private final IntegrationService integrations;
    private final SyncService syncs;
    private final HealthViews health;
    private final HealthProbe probe;
    private final RecordService records;
    private final SalesforceProperties properties;
    private final CustomObjectsIntegrations customObjects;

    IntegrationPages(IntegrationService integrations, SyncService syncs, HealthViews health, HealthProbe probe,
            RecordService records, SalesforceProperties properties, CustomObjectsIntegrations customObjects) {
        this.customObjects = customObjects;
        this.integrations = integrations;
        this.syncs = syncs;
        this.health = health;
        this.probe = probe;
        this.records = records;
        this.properties = properties;
    }

    /** One row of the list: the integration, its last run and its open errors. */
    record Row(IntegrationService.Details d, SyncRun lastRun, long recordsSynced, List<IntegrationError> errors) {
    }

    @GetMapping("/integrations")
    String list(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        List<Row> rows = new ArrayList<>();
        for (IntegrationService.Details d : integrations.list(me)) {
            List<SyncRun> runs = syncs.recentRuns(me.organizationId(), d.integration().id(), 1);
            long synced = records.countsByObject(me.organizationId(), d.integration().id()).values().stream()
                    .mapToLong(Long::longValue).sum();
            rows.add(new Row(d, runs.isEmpty() ? null : runs.get(0), synced,
                    health.health(me.organizationId(), d.integration().id()).errors()));
        }
        model.addAttribute("rows", rows);
        // The integrations that write into Salesforce have their own pages; listed here so "Integrations → <name>" leads there.
        model.addAttribute("customObjects", customObjects.list(me.organizationId()));
        return "integrations/list";
    }

    @GetMapping("/integrations/new")
    String addForm(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        if (!me.isAdmin()) {
            throw CrosswalkException.forbidden("Only an Admin can add integrations");
        }
        model.addAttribute("form", new AddForm("", "production", ""));
        return "integrations/new";
    }

    record AddForm(String name, String hostKind, String host) {
    }

    /** Login host: production, sandbox, a My Domain, or a URL (the emulator in local setups). Checked before leaving. */
    @PostMapping("/integrations/new")
    String add(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "production") String hostKind, @RequestParam(defaultValue = "") String host,
            Model model) {
        AddForm form = new AddForm(name.strip(), hostKind, host.strip());
        String loginHost;
        String hostError = null;
        switch (hostKind) {
            case "production", "sandbox" -> loginHost = hostKind;
            case "mydomain" -> {
                loginHost = form.host();
                if (loginHost.isEmpty()) {
                    hostError = "Enter your My Domain, e.g. acme or acme.my.salesforce.com.";
                } else if (loginHost.contains("://")) {
                    hostError = "Enter only the domain (acme.my.salesforce.com), or choose Other URL.";
                }
            }
            case "url" -> {
                loginHost = form.host();
                if (!loginHost.startsWith("https://") && !loginHost.startsWith("http://")) {
                    hostError = "Enter a full URL starting with https://.";
                }
            }
            default -> {
                loginHost = null;
                hostError = "Choose where your Salesforce users sign in.";
            }
        }
        if (hostError == null) {
            try {
                LoginHosts.parse(loginHost);
                return "redirect:" + integrations.beginConnect(me, loginHost, form.name().isEmpty() ? null : form.name(), null,
                        false, callbackUrl());
            } catch (CrosswalkException e) {
                if (e.code() == ErrorCode.FORBIDDEN) {
                    throw e;
                }
                hostError = e.getMessage();
            } catch (IllegalArgumentException e) {
                hostError = "This is not a Salesforce login address: " + e.getMessage();
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("hostError", hostError);
        return "integrations/new";
    }

    @GetMapping("/integrations/{id}")
    String overview(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id,
            @RequestParam(required = false) String connected, Model model) {
        if (customObjects.find(me.organizationId(), id).isPresent()) {
            // Alerts link every integration here; a Custom Objects integration has its own pages.
            return "redirect:/integrations/custom-objects/" + id;
        }
        IntegrationService.Details d = common(me, id, Screens.INTEGRATION_OVERVIEW, model);
        List<SyncRun> runs = syncs.recentRuns(me.organizationId(), id, 5);
        model.addAttribute("runs", runs);
        model.addAttribute("progress", RunProgress.of(runs, Instant.now()));
        model.addAttribute("counts", records.countsByObject(me.organizationId(), id));
        model.addAttribute("objects", d.integration().settings().objects().keySet());
        if (connected != null && d.connection() != null) {
            // A reauthorization (the integration existed before this authorization) shows its verification;
            // a first connection shows its first sync.
            boolean reauthorized = d.connection().authorizedAt().isAfter(d.integration().createdAt().plusSeconds(2));
            model.addAttribute(reauthorized ? "verifying" : "firstConnection", true);
        }
        return "integrations/overview";
    }

    /** The verification of the last (re)authorization, waited for up to 20 s (htmx loads it into the overview). */
    @GetMapping("/integrations/{id}/verification")
    String verification(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("v", health.verification(me.organizationId(), id, Duration.ofSeconds(20)));
        return "integrations/verification :: verification";
    }

    @GetMapping("/integrations/{id}/settings")
    String generalSettings(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        IntegrationService.Details d = common(me, id, Screens.INTEGRATION_GENERAL_SETTINGS, model);
        model.addAttribute("frequencies", List.of(1, 3, 6, 12, 24));
        model.addAttribute("syncable", SyncSettings.SYNCABLE_OBJECTS);
        Map<String, List<String>> catalog = new LinkedHashMap<>();
        if (d.connection() != null) {
            try {
                catalog = integrations.fieldCatalog(me, id);
            } catch (RuntimeException e) {
                model.addAttribute("catalogError", "Salesforce did not list the fields right now (" + e.getMessage()
                        + "); the objects below can still be chosen.");
            }
        }
        model.addAttribute("catalog", catalog);
        model.addAttribute("alwaysOn", SyncSettings.ALWAYS_ON);
        return "integrations/settings";
    }

    @PostMapping("/integrations/{id}/settings")
    String saveGeneralSettings(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id,
            @RequestParam int frequencyHours, @RequestParam(defaultValue = "false") boolean paused,
            @RequestParam(required = false) List<String> objects, @RequestParam(required = false) List<String> fields,
            @RequestParam(defaultValue = "") String preset, RedirectAttributes flash) {
        Map<String, List<String>> selection = new LinkedHashMap<>();
        for (String o : objects == null ? List.<String>of() : objects) {
            selection.put(o, new ArrayList<>());
        }
        for (String f : fields == null ? List.<String>of() : fields) {
            int dot = f.indexOf('.');
            if (dot > 0 && selection.containsKey(f.substring(0, dot))) {
                selection.get(f.substring(0, dot)).add(f.substring(dot + 1));
            }
        }
        try {
            if (selection.isEmpty()) {
                throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "Choose at least one object to sync.");
            }
            String presetName = switch (preset) {
                case "required" -> "minimal";
                case "recommended" -> "recommended";
                case "all" -> null;
                default -> null;
            };
            Map<String, List<String>> chosen = selection;
            if ("all".equals(preset)) {
                Map<String, List<String>> catalog = integrations.fieldCatalog(me, id);
                chosen = new LinkedHashMap<>();
                for (String o : selection.keySet()) {
                    chosen.put(o, catalog.getOrDefault(o, List.of()));
                }
            }
            integrations.updateSettings(me, id, new IntegrationService.SettingsChange(frequencyHours, paused,
                    chosen, presetName));
            flash.addFlashAttribute("message", "General Settings saved.");
        } catch (CrosswalkException e) {
            if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.FORBIDDEN) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + Screens.INTEGRATION_GENERAL_SETTINGS.url(id);
    }

    @GetMapping("/integrations/{id}/settings/advanced")
    String advancedSettings(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        common(me, id, Screens.INTEGRATION_ADVANCED_SETTINGS, model);
        HealthViews.Health h = health.health(me.organizationId(), id);
        model.addAttribute("health", h);
        model.addAttribute("approvals", health.approvals(me.organizationId(), id).orElse(null));
        return "integrations/advanced";
    }

    @GetMapping("/integrations/{id}/errors")
    String errors(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        common(me, id, Screens.INTEGRATION_ERRORS, model);
        List<IntegrationError> all = health.history(me.organizationId(), id, true, 200);
        model.addAttribute("open", all.stream().filter(e -> e.open() && e.visible()).toList());
        model.addAttribute("cleared", all.stream().filter(e -> !e.open()).toList());
        Map<UUID, SyncRun> runs = new HashMap<>();
        syncs.recentRuns(me.organizationId(), id, 100).forEach(r -> runs.put(r.id(), r));
        model.addAttribute("runs", runs);
        return "integrations/errors";
    }

    @GetMapping("/integrations/{id}/history")
    String history(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        common(me, id, Screens.INTEGRATION_HISTORY, model);
        model.addAttribute("runs", syncs.recentRuns(me.organizationId(), id, 50));
        return "integrations/history";
    }

    /** ⋯ → Update, and Fix now on errors a reauthorization repairs: off to Salesforce's sign-in. */
    @PostMapping("/integrations/{id}/reauthorize")
    String reauthorize(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        IntegrationService.Details d = integrations.get(me.organizationId(), id);
        try {
            String host = d.connection() == null ? "production" : d.connection().loginHost();
            return "redirect:" + integrations.beginConnect(me, host, null, id, false, callbackUrl());
        } catch (CrosswalkException e) {
            if (e.code() == ErrorCode.FORBIDDEN) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:" + Screens.INTEGRATION_ADVANCED_SETTINGS.url(id);
        }
    }

    /** ⋯ → Test: probe now, with the permission preflight; what it cleared or found is shown on the Errors tab. */
    @PostMapping("/integrations/{id}/test")
    String test(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id,
            @RequestParam(defaultValue = "errors") String back, RedirectAttributes flash) {
        if (me.role() == Role.VIEWER) {
            throw CrosswalkException.forbidden("Viewers cannot test connections");
        }
        integrations.find(me.organizationId(), id);
        HealthProbe.ProbeResult r = probe.probe(id, true).orElse(null);
        if (r == null) {
            flash.addFlashAttribute("error", "This integration has no Salesforce connection to test.");
        } else if (r.ok() && r.problems().isEmpty()) {
            flash.addFlashAttribute("message", "Test passed: the connection works and every permission is in place"
                    + (r.cleared().isEmpty() ? "." : "; " + r.cleared().size() + (r.cleared().size() == 1 ? " error" : " errors")
                            + " cleared."));
        } else {
            flash.addFlashAttribute("error", "Test found " + r.problems().size() + (r.problems().size() == 1 ? " problem" : " problems")
                    + (r.cleared().isEmpty() ? "" : " (and cleared " + r.cleared().size() + ")") + ": see each one's fix below.");
        }
        return "redirect:" + ("advanced".equals(back) ? Screens.INTEGRATION_ADVANCED_SETTINGS.url(id) : Screens.INTEGRATION_ERRORS.url(id));
    }

    /** Fix now on one error: the repair its code calls for. */
    @PostMapping("/integrations/{id}/errors/{errorId}/fix")
    String fix(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, @PathVariable UUID errorId,
            RedirectAttributes flash) {
        IntegrationError e = health.history(me.organizationId(), id, false, 500).stream().filter(x -> x.id().equals(errorId))
                .findFirst().orElse(null);
        if (e == null) {
            flash.addFlashAttribute("message", "That error is already cleared.");
            return "redirect:" + Screens.INTEGRATION_ERRORS.url(id);
        }
        return Repair.of(e.code()) == Repair.REAUTHORIZE ? reauthorize(me, id, flash) : test(me, id, "errors", flash);
    }

    @PostMapping("/integrations/{id}/disconnect")
    String disconnect(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        String name = integrations.find(me.organizationId(), id).name();
        integrations.disconnect(me, id);
        flash.addFlashAttribute("message", name + " was disconnected and its synced records removed.");
        return "redirect:" + Screens.INTEGRATIONS.url();
    }

    @PostMapping("/integrations/{id}/sync")
    String syncNow(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        try {
            syncs.syncNow(me, id);
            flash.addFlashAttribute("message", "Sync started.");
        } catch (CrosswalkException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + Screens.INTEGRATION_OVERVIEW.url(id);
    }

    @PostMapping("/integrations/{id}/pause")
    String pause(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, @RequestParam boolean paused,
            RedirectAttributes flash) {
        try {
            integrations.updateSettings(me, id, new IntegrationService.SettingsChange(null, paused, null, null));
            flash.addFlashAttribute("message", paused ? "Paused: not syncing." : "Resumed.");
        } catch (CrosswalkException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + Screens.INTEGRATIONS.url();
    }

    /** What every tab shows: the integration, its open error count (for the Errors tab) and which tab is open. */
    private IntegrationService.Details common(MemberPrincipal me, UUID id, Screens tab, Model model) {
        IntegrationService.Details d = integrations.get(me.organizationId(), id);
        model.addAttribute("d", d);
        model.addAttribute("tab", tab.name());
        List<IntegrationError> open = health.health(me.organizationId(), id).errors();
        model.addAttribute("tabs", IntegrationTabs.of(id, open.size()));
        model.addAttribute("openErrors", open);
        return d;
    }

    private String callbackUrl() {
        if (!properties.callbackUrl().isBlank()) {
            return properties.callbackUrl();
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK_PATH).toUriString();
    }
}
