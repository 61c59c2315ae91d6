package dev.crosswalk.app.web;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.overlap.OverlapReportService;
import dev.crosswalk.app.overlap.OverlapReports;
import dev.crosswalk.app.overlap.OverlapTrend;
import dev.crosswalk.app.overlap.SharedOverlaps;
import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.partner.PartnershipService;
import dev.crosswalk.app.partner.PartnershipStatus;
import dev.crosswalk.app.partner.PopulationSharing;
import dev.crosswalk.app.partner.SharingRule;
import dev.crosswalk.app.partner.SharingService;
import dev.crosswalk.app.population.Population;
import dev.crosswalk.app.population.PopulationService;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import dev.crosswalk.app.system.InputText;
import dev.crosswalk.app.system.Screens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Partners: the partnerships in five tabs (Active, Invitations received, Invitations sent, Declined,
 * Revoked), inviting by name or domain, accept / decline / revoke (with confirmation), and a
 * partner's page: what they share with us and what we share with them, by population name.
 */
@Controller
class PartnerPages {
    private final PartnershipService partnerships;
    private final SharingService sharing;
    private final PopulationService populations;
    private final OverlapReportService reports;
    private final SharedOverlaps shared;
    private final SharingPreview preview;
    private final OverlapTrend trend;

    PartnerPages(PartnershipService partnerships, SharingService sharing, PopulationService populations, OverlapReportService reports,
            SharedOverlaps shared, SharingPreview preview, OverlapTrend trend) {
        this.trend = trend;
        this.partnerships = partnerships;
        this.sharing = sharing;
        this.populations = populations;
        this.reports = reports;
        this.shared = shared;
        this.preview = preview;
    }

    /** One tab of the partners page: which partnerships it lists, and what it says when there are none. */
    enum Tab {
        ACTIVE(Screens.PARTNERS, v -> v.status() == PartnershipStatus.ACCEPTED,
                "No partners yet. Invite one below by its organization name or a domain it owns; nothing is shared until they accept."),
        RECEIVED(Screens.PARTNERS_RECEIVED, v -> v.status() == PartnershipStatus.PENDING && !v.invitedByMe(),
                "No invitations waiting for you. When an organization invites you, it shows here and in the bell."),
        SENT(Screens.PARTNERS_SENT, v -> v.status() == PartnershipStatus.PENDING && v.invitedByMe(),
                "No invitations waiting for an answer."),
        DECLINED(Screens.PARTNERS_DECLINED, v -> v.status() == PartnershipStatus.DECLINED, "No declined invitations."),
        REVOKED(Screens.PARTNERS_REVOKED, v -> v.status() == PartnershipStatus.REVOKED, "No ended partnerships.");

        final Screens screen;
        final Predicate<PartnershipService.View> holds;
        final String empty;

        Tab(Screens screen, Predicate<PartnershipService.View> holds, String empty) {
            this.screen = screen;
            this.holds = holds;
            this.empty = empty;
        }

        public Screens screen() {
            return screen;
        }

        public String empty() {
            return empty;
        }
    }

    /** A tab's link with how many partnerships it holds. */
    record TabLink(Tab tab, String title, String url, long count) {
    }

    @GetMapping("/partners")
    String active(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        return list(me, Tab.ACTIVE, model);
    }

    @GetMapping("/partners/received")
    String received(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        return list(me, Tab.RECEIVED, model);
    }

    @GetMapping("/partners/sent")
    String sent(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        return list(me, Tab.SENT, model);
    }

    @GetMapping("/partners/declined")
    String declined(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        return list(me, Tab.DECLINED, model);
    }

    @GetMapping("/partners/revoked")
    String revoked(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        return list(me, Tab.REVOKED, model);
    }

    private String list(MemberPrincipal me, Tab tab, Model model) {
        List<PartnershipService.View> all = partnerships.list(me);
        List<TabLink> tabs = new ArrayList<>();
        for (Tab t : Tab.values()) {
            // The first tab is the Partners screen itself; as a tab it reads "Active".
            String title = t == Tab.ACTIVE ? "Active" : t.screen.title();
            tabs.add(new TabLink(t, title, t.screen.url(), all.stream().filter(t.holds).count()));
        }
        model.addAttribute("tabs", tabs);
        model.addAttribute("tab", tab);
        model.addAttribute("partners", all.stream().filter(tab.holds).toList());
        model.addAttribute("nameMax", InputText.NAME_MAX);
        return "partners/list";
    }

    @PostMapping("/partners/invite")
    String invite(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "") String partner,
            RedirectAttributes flash) {
        String wanted = partner.strip();
        try {
            if (wanted.length() > InputText.NAME_MAX) {
                throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "Give at most " + InputText.NAME_MAX + " characters");
            }
            PartnershipService.View v = partnerships.invite(me, wanted);
            flash.addFlashAttribute("message", v.partnerName() + " was invited. They see the invitation under Partners and in"
                    + " their notifications; nothing is shared until they accept.");
            return "redirect:" + Screens.PARTNERS_SENT.url();
        } catch (CrosswalkException e) {
            if (e.code() == ErrorCode.FORBIDDEN) {
                throw e;
            }
            flash.addFlashAttribute("inviteError", inviteError(e, wanted));
            flash.addFlashAttribute("draftPartner", wanted);
            return "redirect:" + Screens.PARTNERS.url();
        }
    }

    /** The invite form's inline error, in words that say what to try next. */
    private static String inviteError(CrosswalkException e, String wanted) {
        if (e.code() == ErrorCode.NOT_FOUND) {
            return "No organization is named or owns the domain \"" + wanted + "\". Check the spelling, or ask them for the exact"
                    + " organization name shown at the top of their Crosswalk pages.";
        }
        if (wanted.isEmpty()) {
            return "Give the organization's name or a domain it owns, e.g. globex.com.";
        }
        return e.getMessage();
    }

    @PostMapping("/partners/{id}/accept")
    String accept(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        return act(flash, () -> {
            PartnershipService.View v = partnerships.accept(me, id);
            flash.addFlashAttribute("message", "You and " + v.partnerName() + " are partners now. Choose what you share with them"
                    + " under Sharing; they see nothing you have not shared.");
            return "redirect:" + Screens.PARTNER.url(id);
        }, Screens.PARTNERS_RECEIVED);
    }

    @PostMapping("/partners/{id}/decline")
    String decline(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        return act(flash, () -> {
            PartnershipService.View v = partnerships.decline(me, id);
            flash.addFlashAttribute("message", "You declined " + v.partnerName() + "'s invitation.");
            return "redirect:" + Screens.PARTNERS_DECLINED.url();
        }, Screens.PARTNERS_RECEIVED);
    }

    @PostMapping("/partners/{id}/revoke")
    String revoke(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        return act(flash, () -> {
            PartnershipService.View v = partnerships.revoke(me, id);
            flash.addFlashAttribute("message", "The partnership with " + v.partnerName()
                    + " has ended. Nothing is shared any more, either way.");
            return "redirect:" + Screens.PARTNERS_REVOKED.url();
        }, Screens.PARTNERS);
    }

    private interface Action {
        String run();
    }

    /** Runs an action; a conflict (someone answered meanwhile) is a message on the page, unknown ids and roles the error pages. */
    private static String act(RedirectAttributes flash, Action action, Screens back) {
        try {
            return action.run();
        } catch (CrosswalkException e) {
            if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.FORBIDDEN) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:" + back.url();
        }
    }

    /** A population of theirs we may see, or of ours they may see, by name with its level and fields. */
    record SharedPopulation(String name, String object, String level, String levelWord, List<String> fields, boolean override,
            UUID populationId) {
    }

    @GetMapping("/partners/{id}")
    String partner(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        PartnershipService.View v = partnerships.get(me, id);
        Partnership p = partnerships.find(me.organizationId(), id);
        model.addAttribute("partner", v);
        model.addAttribute("theirs", theirs(me, p));
        model.addAttribute("ours", ours(me.organizationId(), v.partnerOrganizationId()));
        model.addAttribute("overlapCount", p.active() ? trend.current(me.organizationId()).getOrDefault(v.partnerOrganizationId(), 0L) : null);
        return "partners/partner";
    }

    /** What the partner lets us see, exactly as the overlap reports decide it. */
    private List<SharedPopulation> theirs(MemberPrincipal me, Partnership p) {
        if (!p.active()) {
            return List.of();
        }
        Map<UUID, Set<String>> fields = new LinkedHashMap<>();
        for (SharedOverlaps.ReadablePopulation r : shared.readablePopulations(me.organizationId(), p)) {
            fields.put(r.id(), r.fields());
        }
        List<SharedPopulation> out = new ArrayList<>();
        for (OverlapReports.Column c : reports.partnerPopulations(me, p.id())) {
            out.add(new SharedPopulation(c.name(), c.baseObject(), c.access(), SharingLevels.word(c.access()),
                    fields.getOrDefault(c.populationId(), Set.of()).stream().sorted().toList(), false, null));
        }
        return out;
    }

    /** What we share with the partner: each of our populations under the rule that applies to this partner. */
    private List<SharedPopulation> ours(UUID organizationId, UUID partnerOrganizationId) {
        Map<UUID, Population> byId = new LinkedHashMap<>();
        for (Population p : populations.populations(organizationId)) {
            byId.put(p.id(), p);
        }
        List<SharedPopulation> out = new ArrayList<>();
        for (PopulationSharing s : sharing.sharingOf(organizationId)) {
            Population p = byId.get(s.populationId());
            SharingRule rule = s.ruleFor(partnerOrganizationId);
            out.add(new SharedPopulation(p.name(), p.baseObject(), rule.level().name(), SharingLevels.word(rule.level().name()),
                    SharingLevels.sharesRows(rule.level()) ? rule.fieldsOf(p.baseObject()).stream().sorted().toList() : List.of(),
                    s.overrides().containsKey(partnerOrganizationId), p.id()));
        }
        return out;
    }

    @GetMapping("/partners/{id}/preview")
    String preview(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        PartnershipService.View v = partnerships.get(me, id);
        model.addAttribute("partner", v);
        model.addAttribute("preview", preview.of(me.organizationId(), partnerships.find(me.organizationId(), id)));
        return "partners/preview";
    }
}
