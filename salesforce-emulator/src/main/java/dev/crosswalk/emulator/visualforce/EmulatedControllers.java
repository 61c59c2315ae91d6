package dev.crosswalk.emulator.visualforce;

import dev.crosswalk.emulator.EmulatorState.UserRef;
import dev.crosswalk.emulator.credentials.Callouts;
import dev.crosswalk.emulator.credentials.NamedCredentialConfig;
import dev.crosswalk.emulator.http.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The Apex controllers whose page properties the emulator computes (it runs no Apex). Only
 * Crosswalk's {@code CrosswalkSetupController} (salesforce-package), emulated line for line:
 * {@code setupUrl} = the {@code Crosswalk} Named Credential's URL + {@code /salesforce-setup?org=}
 * + the 18-character org id; {@code statusLabel}/{@code statusDetail} from
 * {@code GET callout:Crosswalk/api/package/v1/status} made as the page's user, naming its org and user in the
 * {@code Crosswalk-Salesforce-Org-Id} / {@code -User-Id} headers as the Apex class does.
 */
public final class EmulatedControllers {
    private final Callouts callouts;

    public EmulatedControllers(Callouts callouts) {
        this.callouts = callouts;
    }

    Map<String, String> properties(String controller, UserRef user) {
        if (!"CrosswalkSetupController".equalsIgnoreCase(controller)) {
            return Map.of();
        }
        Map<String, String> p = new HashMap<>();
        String base = NamedCredentialConfig.of(user.org(), "Crosswalk").map(NamedCredentialConfig::url).orElse("");
        p.put("setupUrl", (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/salesforce-setup?org=" + user.org().id());
        Callouts.Result r = callouts.send(user.org(), user.userId(), "Crosswalk",
                new Callouts.Call("GET", "/api/package/v1/status", null, "application/json", null,
                        Map.of("Crosswalk-Salesforce-Org-Id", user.org().id(), "Crosswalk-Salesforce-User-Id", user.userId())));
        if (r instanceof Callouts.Upstream u && u.status() == 200) {
            p.put("statusLabel", "Connected");
            p.put("statusDetail", organization(u.body()).map(o -> "Crosswalk organization: " + o).orElse(""));
        } else if (r instanceof Callouts.Upstream u && (u.status() == 401 || u.status() == 403)) {
            p.put("statusLabel", "Not authorized");
            p.put("statusDetail", "Authenticate the Crosswalk external credential principal, then reload this page.");
        } else if (r instanceof Callouts.Upstream u) {
            p.put("statusLabel", "Unavailable");
            p.put("statusDetail", "Crosswalk answered HTTP " + u.status() + ".");
        } else if (r instanceof Callouts.Failure f) {
            p.put("statusLabel", "Not connected");
            p.put("statusDetail", f.message());
        }
        return p;
    }

    private static Optional<String> organization(byte[] body) {
        try {
            JsonNode json = Json.parse(body);
            return json != null && json.hasNonNull("organization") ? Optional.of(json.get("organization").asString()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
