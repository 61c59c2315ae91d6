package dev.crosswalk.app.auth;

import dev.crosswalk.app.overlap.StillAdmitted;
import dev.crosswalk.app.system.CrosswalkException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
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
    /**
     * The record page's bindings by client id, as last read: used only under a statement that checks they are still the
     * client's binding ({@link OutboundClientRepository#activeAccessTokenOf}), so a stale one admits nothing.
     */
    private final Map<String, OutboundBinding> bindings = new ConcurrentHashMap<>();
    /** Far above the clients one node serves; past it the cache starts over rather than grow. */
    private static final int MAX_BINDINGS = 4_096;

    PackageCalls(OutboundClientRepository clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    OutboundBinding accept(Jwt jwt, HttpServletRequest request) {
        if (request.getAttribute(PackageTokenDecoder.DEFERRED_CHECK) instanceof String digest) {
            // Fail closed: a call whose token check was left to the record page's statement, in a handler that does not make it.
            OutboundBinding active = clients.byActiveAccessToken(digest)
                    .orElseThrow(() -> CrosswalkException.forbidden("This token's Outbound connection no longer exists"));
            return admitted(jwt, request, active);
        }
        List<String> audience = jwt.getAudience();
        // The token check read the binding along (one query per call, not two); without it, or for another client, read it here.
        OutboundBinding client = audience == null || audience.size() != 1 ? null
                : request.getAttribute(PackageTokenDecoder.BINDING) instanceof OutboundBinding admitted && admitted.clientId().equals(audience.get(0))
                        ? admitted : clients.byClientId(audience.get(0)).orElse(null);
        return admitted(jwt, request, client);
    }

    /**
     * Admits a record-page call and answers it with {@code answer}, which must evaluate the {@link StillAdmitted} it is
     * given in its statement and come back empty when that no longer holds. The token filter left the store check to that
     * statement ({@link PackageTokenDecoder#DEFERRED_CHECK}): one round trip per call instead of two (P6). The binding it
     * runs under may come from {@link #bindings}, because the statement also checks it is still the client's binding;
     * when the statement refuses, the store is asked directly: a revoked or expired token gives empty (the caller answers
     * 401, as the filter would), a changed binding is read again and the statement re-run once.
     */
    <T> Optional<T> recordPage(Jwt jwt, HttpServletRequest request, BiFunction<OutboundBinding, StillAdmitted, Optional<T>> answer) {
        if (!(request.getAttribute(PackageTokenDecoder.DEFERRED_CHECK) instanceof String digest)) {
            return answer.apply(accept(jwt, request), StillAdmitted.ALWAYS); // the filter checked the store already
        }
        List<String> audience = jwt.getAudience();
        String clientId = audience == null || audience.size() != 1 ? null : audience.get(0);
        OutboundBinding known = clientId == null ? null : bindings.get(clientId);
        try {
            if (known != null) {
                Optional<T> answered = answer.apply(admittedWithoutRecording(jwt, request, known), OutboundClientRepository.activeAccessTokenOf(digest, known));
                if (answered.isPresent()) {
                    recordCallout(known, request);
                    return answered;
                }
            }
            Optional<OutboundBinding> active = clients.byActiveAccessToken(digest);
            if (active.isEmpty()) {
                bindings.remove(clientId == null ? "" : clientId);
                return Optional.empty();
            }
            OutboundBinding fresh = admittedWithoutRecording(jwt, request, active.get());
            remember(fresh);
            Optional<T> answered = answer.apply(fresh, OutboundClientRepository.activeAccessTokenOf(digest, fresh));
            if (answered.isPresent()) {
                recordCallout(fresh, request);
            }
            return answered;
        } catch (CrosswalkException refused) {
            // The filter would have refused a revoked token before anything else: keep that order (401 before 403 or 400).
            if (clients.byActiveAccessToken(digest).isEmpty()) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    private void remember(OutboundBinding b) {
        if (bindings.size() >= MAX_BINDINGS) {
            bindings.clear();
        }
        bindings.put(b.clientId(), b);
    }

    private OutboundBinding admitted(Jwt jwt, HttpServletRequest request, OutboundBinding client) {
        admittedWithoutRecording(jwt, request, client);
        recordCallout(client, request);
        return client;
    }

    /** Refuses a token of another client or org, or presented for another Salesforce org. */
    private OutboundBinding admittedWithoutRecording(Jwt jwt, HttpServletRequest request, OutboundBinding client) {
        List<String> audience = jwt.getAudience();
        if (client == null || audience == null || audience.size() != 1 || !client.clientId().equals(audience.get(0))
                || !client.organizationId().toString().equals(jwt.getClaimAsString("org"))
                || !client.salesforceOrgId().equals(jwt.getClaimAsString("sf_org"))) {
            throw CrosswalkException.forbidden("This token's Outbound connection no longer exists");
        }
        String org = request.getHeader(ORG_HEADER);
        if (org != null && !client.isSalesforceOrg(org)) {
            clients.refused(client.registeredClientId(), "A token of this connection was presented for another Salesforce org", clock.instant());
            throw CrosswalkException.forbidden(ORG_HEADER + ": the token belongs to another Salesforce org");
        }
        return client;
    }

    private void recordCallout(OutboundBinding client, HttpServletRequest request) {
        String user = request.getHeader(USER_HEADER);
        Instant now = clock.instant();
        // Per client and calling user: a new user shows at once, a busy record page writes once per interval, not per call.
        String key = client.registeredClientId() + "/" + (user == null ? "" : user);
        Instant last = lastWritten.get(key);
        if (last == null || !now.isBefore(last.plus(WRITE_EVERY))) {
            lastWritten.put(key, now);
            clients.calloutReceived(client.registeredClientId(), request.getRequestURI(), SalesforceIds.normalize(user).orElse(null), now);
        }
    }
}
