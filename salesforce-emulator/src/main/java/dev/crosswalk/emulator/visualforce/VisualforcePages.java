package dev.crosswalk.emulator.visualforce;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.UserRef;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.oauth.BrowserSessions;
import dev.crosswalk.emulator.oauth.LoginPages;
import dev.crosswalk.emulator.security.EffectiveAccess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /apex/<Page>}: a deployed Visualforce page for a user signed in to the Salesforce UI
 * (the {@code sid} cookie of the login page or of {@code /secur/frontdoor.jsp}). Served only when a
 * profile or permission set grants the page (SetupEntityAccess) or the user may customize the
 * application, as on Salesforce; otherwise the "Insufficient Privileges" page. The emulator does
 * not run Visualforce: it renders the page's static markup ({@code apex:} tags dropped, their
 * content kept) with the global merge fields {@code $User} and {@code $Organization} and the
 * properties of the controllers it emulates ({@link EmulatedControllers}); other expressions
 * render empty.
 */
public final class VisualforcePages {
    private static final Pattern PAGE_TAG = Pattern.compile("(?s)<apex:page\\b([^>]*?)/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern APEX_TAG = Pattern.compile("(?s)</?apex:[A-Za-z]+\\b[^>]*>");
    private static final Pattern MERGE_FIELD = Pattern.compile("\\{!\\s*([$\\w.]+)\\s*}");

    private final EmulatorState state;
    private final BrowserSessions browsers;
    private final EmulatedControllers controllers;

    public VisualforcePages(EmulatorState state, BrowserSessions browsers, EmulatedControllers controllers) {
        this.state = state;
        this.browsers = browsers;
        this.controllers = controllers;
    }

    public Response page(Request request) {
        Optional<UserRef> user = browsers.user(request);
        if (user.isEmpty()) {
            String here = request.path() + (request.rawQuery() == null ? "" : "?" + request.rawQuery());
            return Response.redirect("/?startURL=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
        }
        Org org = user.get().org();
        String name = request.pathVar("page");
        Optional<String[]> page = org.read(() -> PackageInstaller.find(org, "ApexPage", "Name", name).map(r -> {
            SObjectType t = org.type("ApexPage").orElseThrow();
            return new String[] {r.id(), (String) r.get(t.require("Markup"))};
        }));
        if (page.isEmpty()) {
            return LoginPages.page("Page Not Found | Salesforce Emulator", "<h1>Page Not Found</h1>\n<p id=\"message\">Page "
                    + LoginPages.escape(name) + " does not exist</p>\n", 404);
        }
        EffectiveAccess access = state.permissions().access(org, user.get().userId());
        if (!access.hasSetupEntityAccess(page.get()[0]) && !access.has("PermissionsCustomizeApplication")) {
            return insufficientPrivileges();
        }
        return render(page.get()[1] == null ? "<apex:page></apex:page>" : page.get()[1], user.get());
    }

    /** Salesforce's page for a user without access to what was requested (served with HTTP 200, like Salesforce). */
    public static Response insufficientPrivileges() {
        return LoginPages.page("Insufficient Privileges | Salesforce Emulator", "<h1 id=\"insufficient-privileges\">"
                + "Insufficient Privileges</h1>\n<p>You do not have the level of access necessary to perform the operation you"
                + " requested. Please contact the owner of the record or your administrator if access is necessary.</p>\n", 200);
    }

    private Response render(String markup, UserRef user) {
        Map<String, String> attributes = new HashMap<>();
        Matcher tag = PAGE_TAG.matcher(markup);
        if (tag.find()) {
            Matcher a = ATTRIBUTE.matcher(tag.group(1));
            while (a.find()) {
                attributes.put(a.group(1), a.group(2));
            }
        }
        Map<String, String> values = globals(user);
        String controller = attributes.get("controller");
        if (controller != null) {
            controllers.properties(controller, user).forEach(values::put);
        }
        String body = APEX_TAG.matcher(markup).replaceAll("");
        Matcher m = MERGE_FIELD.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(LoginPages.escape(values.getOrDefault(m.group(1), ""))));
        }
        m.appendTail(out);
        String title = attributes.getOrDefault("title", "Visualforce");
        return LoginPages.page(title, out.toString().strip() + "\n", 200);
    }

    private Map<String, String> globals(UserRef user) {
        Org org = user.org();
        Map<String, String> v = new HashMap<>();
        org.read(() -> {
            SObjectType userType = org.type("User").orElseThrow();
            Record u = org.store(userType).get(user.userId());
            for (String field : new String[] {"Username", "FirstName", "LastName", "Email", "Name"}) {
                userType.field(field).ifPresent(f -> v.put("$User." + field, u.get(f) == null ? "" : String.valueOf(u.get(f))));
            }
            return null;
        });
        v.put("$User.Id", user.userId());
        v.put("$Organization.Id", org.id());
        v.put("$Organization.Name", org.name());
        return v;
    }
}
