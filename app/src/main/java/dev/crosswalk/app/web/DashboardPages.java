package dev.crosswalk.app.web;

import dev.crosswalk.app.health.HealthViews;
import dev.crosswalk.app.health.IntegrationError;
import dev.crosswalk.app.health.Notifications;
import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.overlap.OverlapTrend;
import dev.crosswalk.app.partner.PartnershipService;
import dev.crosswalk.app.partner.PartnershipStatus;
import dev.crosswalk.app.population.PopulationService;
import dev.crosswalk.app.record.RecordService;
import dev.crosswalk.app.web.chart.LineChart;
import dev.crosswalk.app.web.chart.Svg;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page — what needs attention first, then how things stand: records synced per source,
 * populations with their counts, partners, overlaps per partner now and over the last 30 days (a
 * server-rendered SVG chart over the daily snapshots) — and the notifications.
 */
@Controller
class DashboardPages {
    static final int TREND_DAYS = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private final IntegrationService integrations;
    private final HealthViews health;
    private final Notifications notifications;
    private final RecordService records;
    private final PopulationService populations;
    private final PartnershipService partnerships;
    private final OverlapTrend trend;

    DashboardPages(IntegrationService integrations, HealthViews health, Notifications notifications, RecordService records,
            PopulationService populations, PartnershipService partnerships, OverlapTrend trend) {
        this.integrations = integrations;
        this.health = health;
        this.notifications = notifications;
        this.records = records;
        this.populations = populations;
        this.partnerships = partnerships;
        this.trend = trend;
    }

    /** An integration with open errors, and the first error's id for its Fix now. */
    record Attention(IntegrationService.Details d, List<IntegrationError> errors) {
    }

    /** A data source with its synced records per object. */
    record Source(IntegrationService.Details d, Map<String, Long> counts, long total) {
    }

    /** An active partner with how many of our records overlap theirs (what they let us see). */
    record PartnerOverlap(UUID partnershipId, String name, long overlaps) {
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        List<IntegrationService.Details> all = integrations.list(me);
        List<Source> sources = new ArrayList<>();
        for (IntegrationService.Details d : all) {
            Map<String, Long> counts = records.countsByObject(me.organizationId(), d.integration().id());
            sources.add(new Source(d, counts, counts.values().stream().mapToLong(Long::longValue).sum()));
        }
        List<PartnershipService.View> views = partnerships.list(me);
        Map<UUID, Long> now = trend.current(me.organizationId());
        Map<UUID, String> names = new LinkedHashMap<>();
        List<PartnerOverlap> overlaps = new ArrayList<>();
        for (PartnershipService.View v : views) {
            if (v.status() == PartnershipStatus.ACCEPTED) {
                names.put(v.partnerOrganizationId(), v.partnerName());
                overlaps.add(new PartnerOverlap(v.id(), v.partnerName(), now.getOrDefault(v.partnerOrganizationId(), 0L)));
            }
        }
        model.addAttribute("integrations", all);
        model.addAttribute("sources", sources);
        model.addAttribute("attention", attention(me, all));
        model.addAttribute("populations", populations.views(me));
        model.addAttribute("overlaps", overlaps);
        model.addAttribute("invitations", views.stream()
                .filter(v -> v.status() == PartnershipStatus.PENDING && !v.invitedByMe()).toList());
        model.addAttribute("sent", views.stream().filter(v -> v.status() == PartnershipStatus.PENDING && v.invitedByMe()).count());
        model.addAttribute("chart", overlaps.isEmpty() ? null : chart(me.organizationId(), names, now));
        model.addAttribute("notifications", notifications.recent(me.organizationId(), me.memberId(), 5));
        return "dashboard";
    }

    /** One line per active partner over the last 30 days; today is the live count, earlier days the snapshots. */
    private Svg chart(UUID organizationId, Map<UUID, String> names, Map<UUID, Long> now) {
        LocalDate today = trend.today();
        List<LocalDate> days = new ArrayList<>();
        for (int i = TREND_DAYS - 1; i >= 0; i--) {
            days.add(today.minusDays(i));
        }
        Map<UUID, Map<LocalDate, Long>> byPartner = new HashMap<>();
        for (OverlapTrend.Point p : trend.history(organizationId, TREND_DAYS)) {
            byPartner.computeIfAbsent(p.partnerOrganizationId(), k -> new HashMap<>()).put(p.day(), p.overlaps());
        }
        List<LineChart.Series> series = new ArrayList<>();
        names.forEach((org, name) -> {
            Map<LocalDate, Long> points = new HashMap<>(byPartner.getOrDefault(org, Map.of()));
            points.put(today, now.getOrDefault(org, 0L));
            List<Long> values = new ArrayList<>();
            days.forEach(d -> values.add(points.get(d)));
            series.add(new LineChart.Series(name, values));
        });
        return LineChart.render("overlap-trend", "Overlapping accounts per partner, last " + TREND_DAYS + " days",
                days.stream().map(DAY::format).toList(), series);
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
