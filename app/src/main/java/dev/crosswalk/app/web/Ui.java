package dev.crosswalk.app.web;

import dev.crosswalk.app.health.HealthCode;
import dev.crosswalk.app.health.Repair;
import dev.crosswalk.app.system.Screens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What templates call to show values the way people read them ({@code ${@ui.ago(t)}}):
 * relative times, statuses as words with a tone and an icon, screen URLs. The exact time is
 * rendered in UTC on the server and rewritten into the viewer's time zone by {@code crosswalk.js}.
 */
@Component("ui")
public class Ui {
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    Ui(Clock clock) {
        this.clock = clock;
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago" (or "in 5 min" for a future time); "—" for none. */
    public String ago(Instant t) {
        return ago(t, clock.instant());
    }

    static String ago(Instant t, Instant now) {
        if (t == null) {
            return "—";
        }
        Duration d = Duration.between(t, now);
        boolean future = d.isNegative();
        long s = Math.abs(d.getSeconds());
        String amount;
        if (s < 45) {
            return "just now";
        } else if (s < 90 * 60) {
            amount = Math.max(1, Math.round(s / 60.0)) + " min";
        } else if (s < 36 * 3600) {
            amount = Math.round(s / 3600.0) + " h";
        } else {
            long days = Math.round(s / 86400.0);
            amount = days + (days == 1 ? " day" : " days");
        }
        return future ? "in " + amount : amount + " ago";
    }

    /** ISO-8601 for the {@code datetime} attribute (what the script reads). */
    public String iso(Instant t) {
        return t == null ? "" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The exact time, shown on hover (until the script puts it in the viewer's zone). */
    public String exact(Instant t) {
        return t == null ? "" : EXACT.format(t);
    }

    /** "3.4 s", "2 min 5 s": a duration as words. */
    public String took(Instant from, Instant to) {
        if (from == null || to == null) {
            return "—";
        }
        return seconds(Duration.between(from, to).toMillis() / 1000.0);
    }

    public String seconds(Double seconds) {
        if (seconds == null) {
            return "—";
        }
        if (seconds < 60) {
            return String.format(Locale.ENGLISH, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return (s / 60) + " min " + (s % 60) + " s";
    }

    public String number(Number n) {
        return n == null ? "—" : String.format(Locale.ENGLISH, "%,d", n.longValue());
    }

    /** A status of any kind (integration, connection, run, delivery) as a word, a tone and an icon. */
    public Status status(Object value) {
        return Status.of(value == null ? "" : value.toString());
    }

    public Repair repair(HealthCode code) {
        return Repair.of(code);
    }

    /** What cleared an error, in words (a run is shown with its start by the page). */
    public String clearedBy(String source) {
        if (source == null) {
            return "—";
        }
        return switch (source) {
            case "run" -> "A sync run";
            case "probe" -> "A connection test";
            case "reauthorization" -> "The reauthorization's checks";
            case "settings" -> "A settings change (no longer synced)";
            case "member-change" -> "A team change";
            default -> Status.words(source.replace('-', '_').toUpperCase(Locale.ENGLISH));
        };
    }

    /** Why a run started, in words. */
    public String trigger(Object trigger) {
        return switch (String.valueOf(trigger)) {
            case "FIRST_SYNC" -> "First sync";
            case "MANUAL" -> "Sync now";
            case "VERIFICATION" -> "Verification";
            case "SCHEDULE" -> "Schedule";
            default -> Status.words(String.valueOf(trigger));
        };
    }

    public String url(Screens screen, UUID id) {
        return screen.url(id);
    }

    public List<Screens> nav() {
        return Screens.TOP_NAVIGATION;
    }

    /**
     * A status as shown: the word, a tone (colour class) and an icon. The icon is decorative
     * ({@code aria-hidden}); the word carries the meaning, so colour is never the only cue.
     */
    public record Status(String word, String tone, String icon) {
        static Status of(String code) {
            return switch (code) {
                case "ACTIVE" -> new Status("Active", "ok", "✓");
                case "NOT_SYNCING" -> new Status("Not Syncing", "muted", "⏸");
                case "ERROR" -> new Status("Error", "bad", "✕");
                case "CONNECTING", "FIRST_SYNC_IN_PROGRESS" -> new Status("Setting up", "info", "◔");
                case "HEALTHY" -> new Status("Healthy", "ok", "✓");
                case "REFRESH_FAILING" -> new Status("Refresh failing", "warn", "!");
                case "NEEDS_REAUTHORIZATION" -> new Status("Needs reauthorization", "bad", "✕");
                case "RUNNING" -> new Status("Running", "info", "◔");
                case "SUCCEEDED" -> new Status("Succeeded", "ok", "✓");
                case "PARTIAL" -> new Status("Partly synced", "warn", "!");
                case "FAILED" -> new Status("Failed", "bad", "✕");
                case "PASS", "OK" -> new Status("Passed", "ok", "✓");
                case "FAIL" -> new Status("Failed", "bad", "✕");
                case "UNKNOWN", "SKIPPED" -> new Status("Not checked", "muted", "–");
                case "DELIVERED" -> new Status("Delivered", "ok", "✓");
                case "PENDING" -> new Status("Retrying", "warn", "◔");
                case "GAVE_UP" -> new Status("Gave up", "bad", "✕");
                case "ERROR_SEVERITY" -> new Status("Error", "bad", "✕");
                case "WARNING" -> new Status("Warning", "warn", "!");
                case "CLEARED" -> new Status("Cleared", "ok", "✓");
                // Partnerships and their notifications.
                case "ACCEPTED", "PARTNER" -> new Status("Active", "ok", "✓");
                case "INVITED", "INVITATION" -> new Status("Invitation", "info", "✉");
                case "DECLINED" -> new Status("Declined", "muted", "–");
                case "REVOKED" -> new Status("Revoked", "muted", "–");
                default -> new Status(words(code), "muted", "•");
            };
        }

        /** NEEDS_SOMETHING → "Needs something". */
        static String words(String code) {
            if (code.isEmpty()) {
                return "—";
            }
            String s = code.replace('_', ' ').toLowerCase(Locale.ENGLISH);
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }
}
