package dev.crosswalk.salesforce;

import dev.crosswalk.salesforce.internal.ErrorClassifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which hosts may receive a Salesforce token. Every URL the client is about to send a token
 * to ({@code instance_url}, identity URL, {@code nextRecordsUrl}…) is checked here first, so a
 * hostile token response cannot make us call an arbitrary server.
 *
 * <p>Default: HTTPS on port 443 to a host under one of Salesforce's own domains. The
 * emulator's loopback URL is accepted only when {@link #allowingLoopback()} was asked for.
 */
public final class InstanceUrlPolicy {

    /** Domains Salesforce serves orgs from (production, sandboxes, government, China). */
    public static final List<String> SALESFORCE_DOMAINS = List.of(
            "salesforce.com", "force.com", "salesforce-setup.com", "sfcrmproducts.cn",
            "cloudforce.com", "salesforce.mil", "force.mil", "salesforce-sites.com",
            "sfcrmapps.cn", "database.com");

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final List<String> domains;
    private final boolean loopbackAllowed;

    private InstanceUrlPolicy(List<String> domains, boolean loopbackAllowed) {
        this.domains = List.copyOf(domains);
        this.loopbackAllowed = loopbackAllowed;
    }

    /** Salesforce's own hosts only. */
    public static InstanceUrlPolicy salesforceDefaults() {
        return new InstanceUrlPolicy(SALESFORCE_DOMAINS, false);
    }

    /** Also accept {@code http(s)://127.0.0.1|localhost|[::1]:<any port>} (the emulator). */
    public InstanceUrlPolicy allowingLoopback() {
        return new InstanceUrlPolicy(domains, true);
    }

    /** Also accept HTTPS hosts under {@code domain} (for example a private Salesforce edition). */
    public InstanceUrlPolicy allowingDomain(String domain) {
        List<String> more = new ArrayList<>(domains);
        more.add(domain.toLowerCase(Locale.ROOT));
        return new InstanceUrlPolicy(more, loopbackAllowed);
    }

    public boolean loopbackAllowed() {
        return loopbackAllowed;
    }

    /** The decision with its reason, for tests and logs. */
    public record Decision(boolean allowed, String reason) {
        static Decision allow(String why) { return new Decision(true, why); }
        static Decision deny(String why) { return new Decision(false, why); }
    }

    public Decision check(String url) {
        if (url == null || url.isBlank()) {
            return Decision.deny("no URL");
        }
        try {
            return check(new URI(url.trim()));
        } catch (java.net.URISyntaxException e) {
            return Decision.deny("not a valid URL");
        }
    }

    public Decision check(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.isOpaque()) {
            return Decision.deny("not an absolute URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Decision.deny("URL carries user info");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Decision.deny("URL has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (LOOPBACK_HOSTS.contains(host)) {
            if (!loopbackAllowed) {
                return Decision.deny("loopback host " + host + " is not allowed (not configured)");
            }
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Decision.deny("scheme " + scheme + " is not allowed");
            }
            return Decision.allow("loopback host allowed by configuration");
        }
        if (!scheme.equals("https")) {
            return Decision.deny("only https is allowed for " + host);
        }
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            return Decision.deny("port " + uri.getPort() + " is not allowed");
        }
        for (String domain : domains) {
            if (host.endsWith("." + domain)) {
                return Decision.allow("host under " + domain);
            }
        }
        return Decision.deny("host " + host + " is not a Salesforce host");
    }

    /** @throws SalesforceException with {@link SalesforceError.UntrustedInstanceUrl} when not allowed */
    public URI requireAllowed(String url) {
        Decision d = check(url);
        if (!d.allowed()) {
            throw new SalesforceException(ErrorClassifier.untrusted(hostOf(url), d.reason()));
        }
        return URI.create(url.trim());
    }

    private static String hostOf(String url) {
        try {
            String h = URI.create(url.trim()).getHost();
            return h == null ? "(none)" : h;
        } catch (RuntimeException e) {
            return "(invalid)";
        }
    }

    @Override
    public String toString() {
        return "InstanceUrlPolicy" + domains + (loopbackAllowed ? "+loopback" : "");
    }
}
