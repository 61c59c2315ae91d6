package dev.crosswalk.app.auth;

import dev.crosswalk.app.org.MemberPrincipal;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The "select your Crosswalk organization" step. A client is bound to one organization; approving
 * the consent requires a signed-in Admin of exactly that organization who selected it. Anything else
 * (another organization selected, a non-Admin, a member of another organization, a forged form)
 * empties the consent, which the server answers with {@code access_denied} to the client's callback.
 * The member is re-read from the database: a role changed since sign-in counts at once.
 */
@Component
class OrganizationSelection {
    static final String CONSENT_PAGE = "/oauth2/consent";
    static final String ORGANIZATION_PARAMETER = "organization";

    /** Why the signed-in person may or may not approve for a client (shown on the page, kept as the refusal reason). */
    enum Verdict {
        ALLOWED(null),
        NOT_ADMIN("Only an Admin of the Crosswalk organization can connect Salesforce."),
        OTHER_ORGANIZATION("This Salesforce org is connected to another Crosswalk organization. Sign in as an Admin of that organization."),
        NOT_SELECTED("Select the Crosswalk organization this Salesforce org belongs to.");

        final String message;

        Verdict(String message) {
            this.message = message;
        }
    }

    private final UserDetailsService members;
    private final OutboundClientRepository clients;
    private final Clock clock;

    OrganizationSelection(UserDetailsService members, OutboundClientRepository clients, Clock clock) {
        this.members = members;
        this.clients = clients;
        this.clock = clock;
    }

    /** The member as stored now, or empty when the account is gone. */
    Optional<MemberPrincipal> current(Authentication signedIn) {
        try {
            return signedIn == null ? Optional.empty()
                    : Optional.of(members.loadUserByUsername(signedIn.getName())).filter(MemberPrincipal.class::isInstance)
                            .map(MemberPrincipal.class::cast);
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    static Verdict verdict(MemberPrincipal member, OutboundBinding client) {
        if (member == null || !member.organizationId().equals(client.organizationId())) {
            return Verdict.OTHER_ORGANIZATION;
        }
        return member.isAdmin() ? Verdict.ALLOWED : Verdict.NOT_ADMIN;
    }

    /** The consent customizer: keeps the requested scopes only for an Admin of the bound organization who selected it. */
    void decide(OAuth2AuthorizationConsentAuthenticationContext context) {
        Optional<OutboundBinding> client = clients.byRegisteredClientId(context.getRegisteredClient().getId());
        if (client.isEmpty()) {
            deny(context);
            return;
        }
        OAuth2AuthorizationConsentAuthenticationToken consent = context.getAuthentication();
        Authentication signedIn = consent.getPrincipal() instanceof Authentication a ? a : null;
        MemberPrincipal member = current(signedIn).orElse(null);
        Verdict verdict = verdict(member, client.get());
        if (verdict == Verdict.ALLOWED && !client.get().organizationId().toString().equals(selected(context))) {
            verdict = Verdict.NOT_SELECTED;
        }
        if (verdict != Verdict.ALLOWED) {
            clients.refused(client.get().registeredClientId(), "Consent refused: " + verdict.message, clock.instant());
            deny(context);
            return;
        }
        // Only the scopes the client may have, whatever the form carried.
        context.getAuthorizationConsent().authorities(a -> a.removeIf(g -> !g.getAuthority().startsWith("SCOPE_")
                || !OutboundScopes.ALL.contains(g.getAuthority().substring("SCOPE_".length()))));
        clients.consented(client.get().registeredClientId(), member.memberId(), member.email(), clock.instant());
    }

    private static String selected(OAuth2AuthorizationConsentAuthenticationContext context) {
        OAuth2AuthorizationConsentAuthenticationToken consent = context.getAuthentication();
        Object v = consent.getAdditionalParameters().get(ORGANIZATION_PARAMETER);
        if (v instanceof String s) {
            return s;
        }
        // A repeated parameter is ambiguous: refused.
        return null;
    }

    private static void deny(OAuth2AuthorizationConsentAuthenticationContext context) {
        context.getAuthorizationConsent().authorities(Set::clear);
    }
}
