package dev.crosswalk.app.web;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.partner.PartnershipService;
import dev.crosswalk.app.partner.PartnershipStatus;
import dev.crosswalk.app.partner.PopulationSharing;
import dev.crosswalk.app.partner.SharingLevel;
import dev.crosswalk.app.partner.SharingRule;
import dev.crosswalk.app.partner.SharingService;
import dev.crosswalk.app.population.Population;
import dev.crosswalk.app.population.PopulationService;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import dev.crosswalk.app.system.Screens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * Sharing: per population a default level and the fields shared, per-partner overrides, and links
 * to the preview of what each partner sees. Everything is saved through {@link SharingService}, the
 * same service the API uses; nothing is shared until an Admin says so (no rule = Hidden).
 */
@Controller
class SharingPages {
    private final SharingService sharing;
    private final PopulationService populations;
    private final PartnershipService partnerships;

    SharingPages(SharingService sharing, PopulationService populations, PartnershipService partnerships) {
        this.sharing = sharing;
        this.populations = populations;
        this.partnerships = partnerships;
    }

    /** A rule as shown: level in words and the fields of the population's object. */
    record RuleView(String level, String levelWord, List<String> fields) {
        static RuleView of(SharingRule r, String object) {
            return new RuleView(r.level().name(), SharingLevels.word(r.level().name()),
                    SharingLevels.sharesRows(r.level()) ? r.fieldsOf(object).stream().sorted().toList() : List.of());
        }
    }

    record OverrideView(UUID partnerOrganizationId, String partnerName, RuleView rule) {
    }

    record Row(UUID id, String name, String object, RuleView defaultRule, List<OverrideView> overrides) {
    }

    /** A partner that can be given an override: pending or active partnerships. */
    record PartnerChoice(UUID organizationId, String name, UUID partnershipId, boolean active) {
    }

    @GetMapping("/partners/sharing")
    String list(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        Map<UUID, String> names = partnerNames(me);
        Map<UUID, Population> byId = populationsById(me.organizationId());
        List<Row> rows = new ArrayList<>();
        for (PopulationSharing s : sharing.sharingOf(me.organizationId())) {
            rows.add(row(byId.get(s.populationId()), s, names));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("partners", partnerChoices(me));
        return "partners/sharing";
    }

    @GetMapping("/partners/sharing/{id}")
    String population(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        Population p = populations.find(me.organizationId(), id);
        PopulationSharing s = sharing.sharing(me, id);
        model.addAttribute("row", row(p, s, partnerNames(me)));
        model.addAttribute("levels", SharingLevels.CHOICES);
        model.addAttribute("fields", populations.fields(me, p.baseObject()).stream().sorted().toList());
        model.addAttribute("partners", partnerChoices(me));
        return "partners/sharing-population";
    }

    @PostMapping("/partners/sharing/{id}/default")
    String setDefault(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, @RequestParam(defaultValue = "") String level,
            @RequestParam(required = false) List<String> fields, RedirectAttributes flash) {
        Population p = populations.find(me.organizationId(), id);
        return save(flash, id, () -> {
            SharingRule rule = rule(p, level, fields);
            sharing.setDefault(me, id, rule);
            return "Saved: " + p.name() + " is shared as " + SharingLevels.word(rule.level().name()) + " by default.";
        });
    }

    @PostMapping("/partners/sharing/{id}/overrides")
    String setOverride(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id,
            @RequestParam(required = false) UUID partner, @RequestParam(defaultValue = "") String level,
            @RequestParam(required = false) List<String> fields, RedirectAttributes flash) {
        Population p = populations.find(me.organizationId(), id);
        return save(flash, id, () -> {
            if (partner == null || partnerChoices(me).stream().noneMatch(c -> c.organizationId().equals(partner))) {
                throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "Choose the partner the override is for.");
            }
            SharingRule rule = rule(p, level, fields);
            sharing.setOverride(me, id, partner, rule);
            return "Saved: " + partnerNames(me).getOrDefault(partner, "the partner") + " sees " + p.name() + " as "
                    + SharingLevels.word(rule.level().name()) + ".";
        });
    }

    @PostMapping("/partners/sharing/{id}/overrides/{partner}/remove")
    String removeOverride(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, @PathVariable UUID partner,
            RedirectAttributes flash) {
        Population p = populations.find(me.organizationId(), id);
        return save(flash, id, () -> {
            sharing.removeOverride(me, id, partner);
            return "Override removed: " + partnerNames(me).getOrDefault(partner, "the partner") + " sees " + p.name()
                    + " under the default again.";
        });
    }

    private interface Change {
        String run();
    }

    private static String save(RedirectAttributes flash, UUID id, Change change) {
        try {
            flash.addFlashAttribute("message", change.run());
        } catch (CrosswalkException e) {
            if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.FORBIDDEN) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + Screens.PARTNERS_SHARING_POPULATION.url(id);
    }

    /** A rule from the form: fields only count for the levels that share rows. */
    private static SharingRule rule(Population p, String level, List<String> fields) {
        SharingLevel l;
        try {
            l = SharingLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "Choose a level: Hidden, Counts only, Overlapping accounts"
                    + " or All accounts.");
        }
        Set<String> chosen = new TreeSet<>(fields == null ? List.of() : fields);
        if (!SharingLevels.sharesRows(l) || chosen.isEmpty()) {
            return new SharingRule(l, Map.of());
        }
        return new SharingRule(l, Map.of(p.baseObject(), chosen));
    }

    private Row row(Population p, PopulationSharing s, Map<UUID, String> names) {
        List<OverrideView> overrides = new ArrayList<>();
        s.overrides().forEach((org, rule) -> overrides.add(new OverrideView(org, names.getOrDefault(org, "A former partner"),
                RuleView.of(rule, p.baseObject()))));
        overrides.sort(java.util.Comparator.comparing(OverrideView::partnerName));
        return new Row(p.id(), p.name(), p.baseObject(), RuleView.of(s.defaultRule(), p.baseObject()), overrides);
    }

    private Map<UUID, Population> populationsById(UUID organizationId) {
        Map<UUID, Population> out = new LinkedHashMap<>();
        populations.populations(organizationId).forEach(p -> out.put(p.id(), p));
        return out;
    }

    /** Partner organization id → name, for every partnership ever (overrides may outlive one). */
    private Map<UUID, String> partnerNames(MemberPrincipal me) {
        Map<UUID, String> out = new LinkedHashMap<>();
        for (PartnershipService.View v : partnerships.list(me)) {
            out.putIfAbsent(v.partnerOrganizationId(), v.partnerName());
        }
        return out;
    }

    private List<PartnerChoice> partnerChoices(MemberPrincipal me) {
        Map<UUID, PartnerChoice> out = new LinkedHashMap<>();
        for (PartnershipService.View v : partnerships.list(me)) {
            if (v.status() == PartnershipStatus.ACCEPTED || v.status() == PartnershipStatus.PENDING) {
                out.putIfAbsent(v.partnerOrganizationId(), new PartnerChoice(v.partnerOrganizationId(), v.partnerName(), v.id(),
                        v.status() == PartnershipStatus.ACCEPTED));
            }
        }
        return List.copyOf(out.values());
    }
}
