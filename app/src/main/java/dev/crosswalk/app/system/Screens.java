package dev.crosswalk.app.system;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every screen of the web UI: where it sits in the navigation (its label path, as the user reads
 * it in the menus and tabs) and its URL template. The navigation, the tabs and the fix texts of
 * errors are all generated from here, so a fix text can only name a screen that exists
 * ({@code ScreensIT} opens every one of them in a browser).
 *
 * <p>{@code {name}} in a label is the integration's name; {@code {id}} in a URL its id. Screens
 * marked {@link #coming()} are in the navigation but not built yet: they show a "coming" page
 * until a controller maps their URL (an annotated mapping always wins over the placeholder).
 */
public enum Screens {
    DASHBOARD("Dashboard", "/", false),
    INTEGRATIONS("Integrations", "/integrations", false),
    INTEGRATION_ADD("Integrations → Add integration", "/integrations/new", false),
    INTEGRATION_OVERVIEW("Integrations → {name} → Overview", "/integrations/{id}", false),
    INTEGRATION_GENERAL_SETTINGS("Integrations → {name} → Settings → General Settings", "/integrations/{id}/settings", false),
    INTEGRATION_ADVANCED_SETTINGS("Integrations → {name} → Settings → Advanced Settings", "/integrations/{id}/settings/advanced",
            false),
    INTEGRATION_ERRORS("Integrations → {name} → Errors", "/integrations/{id}/errors", false),
    INTEGRATION_HISTORY("Integrations → {name} → History", "/integrations/{id}/history", false),
    POPULATIONS("Populations", "/populations", false),
    PARTNERS("Partners", "/partners", false),
    PARTNERS_RECEIVED("Partners → Invitations received", "/partners/received", false),
    PARTNERS_SENT("Partners → Invitations sent", "/partners/sent", false),
    PARTNERS_DECLINED("Partners → Declined", "/partners/declined", false),
    PARTNERS_REVOKED("Partners → Revoked", "/partners/revoked", false),
    PARTNERS_SHARING("Partners → Sharing", "/partners/sharing", false),
    PARTNERS_SHARING_POPULATION("Partners → Sharing → {name}", "/partners/sharing/{id}", false),
    PARTNER("Partners → {name}", "/partners/{id}", false),
    PARTNER_PREVIEW("Partners → {name} → What they see", "/partners/{id}/preview", false),
    OVERLAPS("Overlaps", "/overlaps", false),
    TEAM("Team", "/team", false),
    TEAM_API_TOKENS("Team → API tokens", "/team/tokens", false),
    TEAM_ALERTS("Team → Alerts", "/team/alerts", false),
    NOTIFICATIONS("Notifications", "/notifications", false);

    /** The top navigation, in order. */
    public static final List<Screens> TOP_NAVIGATION = List.of(DASHBOARD, INTEGRATIONS, POPULATIONS, PARTNERS, OVERLAPS, TEAM);

    private static final String SEPARATOR = " → ";
    private final String label;
    private final String urlTemplate;
    private final boolean coming;

    Screens(String label, String urlTemplate, boolean coming) {
        this.label = label;
        this.urlTemplate = urlTemplate;
        this.coming = coming;
    }

    /** The full label path with placeholders, e.g. {@code Integrations → {name} → Errors}. */
    public String label() {
        return label;
    }

    /** The last segment: what the menu entry or tab says. */
    public String title() {
        int last = label.lastIndexOf(SEPARATOR);
        return last < 0 ? label : label.substring(last + SEPARATOR.length());
    }

    public String urlTemplate() {
        return urlTemplate;
    }

    /** True while the screen only shows a "coming" page. */
    public boolean coming() {
        return coming;
    }

    /** The path to follow, with the integration's name filled in: {@code Integrations → Acme → Errors}. */
    public String trail(String integrationName) {
        return label.replace("{name}", integrationName);
    }

    /** The path to follow when the integration's name is not known: its segment is left out. */
    public String trail() {
        return label.replace("{name}" + SEPARATOR, "");
    }

    /** The path to follow, then the given controls on that screen: {@code … → Advanced Settings → ⋯ → Update}. */
    public String trailTo(String... controls) {
        return trail() + (controls.length == 0 ? "" : SEPARATOR + String.join(SEPARATOR, controls));
    }

    public String url() {
        if (urlTemplate.contains("{")) {
            throw new IllegalStateException(name() + " needs an id: " + urlTemplate);
        }
        return urlTemplate;
    }

    public String url(UUID id) {
        return url(Map.of("id", id.toString()));
    }

    public String url(Map<String, String> values) {
        String out = urlTemplate;
        for (var e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    /** The top-navigation entry a screen belongs to (for the "current page" marker). */
    public Screens section() {
        String first = label.contains(SEPARATOR) ? label.substring(0, label.indexOf(SEPARATOR)) : label;
        return Arrays.stream(values()).filter(s -> s.label.equals(first)).findFirst().orElse(this);
    }

    public static Optional<Screens> byUrl(String url) {
        return Arrays.stream(values()).filter(s -> s.urlTemplate.equals(url)).findFirst();
    }
}
