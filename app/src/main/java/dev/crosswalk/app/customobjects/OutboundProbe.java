package dev.crosswalk.app.customobjects;

import dev.crosswalk.salesforce.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Proves the Outbound connection end to end: asks the Salesforce org (with the Inbound
 * connection's token) to make a {@code callout:Crosswalk} to the package API's status, so the
 * call leaves Salesforce with the Named Credential's token and arrives at Crosswalk like a record
 * page's. The instance URL is the stored one, already checked against the allow-list.
 */
@Component
class OutboundProbe {
    /** What the callout showed. */
    record Outcome(boolean works, boolean notAuthenticated, boolean inconclusive, int status, String detail) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CustomObjectsProperties properties;

    OutboundProbe(CustomObjectsProperties properties) {
        this.properties = properties;
    }

    Outcome call(Credentials inbound) {
        URI uri = URI.create(inbound.instanceUrl() + properties.outboundProbePath());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + inbound.accessToken()).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 2) {
                return new Outcome(true, false, false, r.statusCode(), "the package API answered " + r.statusCode());
            }
            String body = r.body() == null ? "" : r.body();
            String detail = "HTTP " + r.statusCode() + (body.isBlank() ? "" : ": " + abbreviate(body));
            return new Outcome(false, looksUnauthenticated(body), callerLacksAccess(r.statusCode(), body), r.statusCode(), detail);
        } catch (IOException e) {
            return new Outcome(false, false, false, 0, "the callout endpoint did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, false, true, 0, "interrupted");
        }
    }

    /**
     * Salesforce reports a Named Credential without a usable token as a {@code CalloutException}
     * naming the principal that "isn't authenticated" or the refresh that failed; anything else is
     * the package API or the URL failing.
     */
    static boolean looksUnauthenticated(String body) {
        String b = body.toLowerCase(Locale.ROOT);
        return b.contains("isn't authenticated") || b.contains("not configured") || b.contains("invalid_grant")
                || b.contains("refreshing it failed");
    }

    /**
     * The probe's own caller could not make the callout (its session, or the integration user lacks
     * access to the credential's principal): that says nothing about the Outbound connection — the
     * Inbound checks report it. Nor does a 404: the org offers no such resource (a real org without
     * the probe endpoint), so the Outbound row relies on what the authorization server saw.
     */
    static boolean callerLacksAccess(int status, String body) {
        return status == 401 || status == 404 || body.contains("INVALID_SESSION_ID")
                || body.contains("couldn't access the credential");
    }

    /** Error bodies are shown to admins: short, and only the first line. */
    private static String abbreviate(String body) {
        String oneLine = body.strip().lines().findFirst().orElse("");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
