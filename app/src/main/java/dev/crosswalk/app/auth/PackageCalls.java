package dev.crosswalk.app.auth;

import dev.crosswalk.app.system.CrosswalkException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Admits a package API call: resolves the token's client to its live binding (a client removed with its
 * integration admits nothing), refuses a token presented for another Salesforce org, and records the
 * callout for the Outbound row. The package identifies itself with the headers below (the Named
 * Credential sends {@code {!$Organization.Id}} and {@code {!$User.Id}}); they are optional, but when
 * present they must name the token's org.
 */
@Component
class PackageCalls {
    static final String ORG_HEADER = "Crosswalk-Salesforce-Org-Id";
    static final String USER_HEADER = "Crosswalk-Salesforce-User-Id";
    /** The callout time is written at most this often per client: the Outbound row shows minutes, the record page must stay fast. */
    private static final Duration WRITE_EVERY = Duration.ofSeconds(30);

    private final OutboundClientRepository clients;
    private final Clock clock;
    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

    PackageCalls(OutboundClientRepository clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    OutboundBinding accept(Jwt jwt, HttpServletRequest request) {
        List<String> audience = jwt.getAudience();
        // The token check read the binding along (one query per call, not two); without it, or for another client, read it here.
        OutboundBinding client = audience == null || audience.size() != 1 ? null
                : request.getAttribute(PackageTokenDecoder.BINDING) instanceof OutboundBinding admitted && admitted.clientId().equals(audience.get(0))
                        ? admitted : clients.byClientId(audience.get(0)).orElse(null);
        if (client == null || !client.organizationId().toString().equals(jwt.getClaimAsString("org"))
                || !client.salesforceOrgId().equals(jwt.getClaimAsString("sf_org"))) {
            throw CrosswalkException.forbidden("This token's Outbound connection no longer exists");
        }
        String org = request.getHeader(ORG_HEADER);
        if (org != null && !client.isSalesforceOrg(org)) {
            clients.refused(client.registeredClientId(), "A token of this connection was presented for another Salesforce org", clock.instant());
            throw CrosswalkException.forbidden(ORG_HEADER + ": the token belongs to another Salesforce org");
        }
        String user = request.getHeader(USER_HEADER);
        Instant now = clock.instant();
        // Per client and calling user: a new user shows at once, a busy record page writes once per interval, not per call.
        String key = client.registeredClientId() + "/" + (user == null ? "" : user);
        Instant last = lastWritten.get(key);
        if (last == null || !now.isBefore(last.plus(WRITE_EVERY))) {
            lastWritten.put(key, now);
            clients.calloutReceived(client.registeredClientId(), request.getRequestURI(), SalesforceIds.normalize(user).orElse(null), now);
        }
        return client;
    }
}
