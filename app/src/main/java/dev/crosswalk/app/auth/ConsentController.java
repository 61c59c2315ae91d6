package dev.crosswalk.app.auth;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.Organization;
import dev.crosswalk.app.org.OrganizationService;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The consent page the authorization endpoint sends a signed-in member to: which Salesforce org asks,
 * what it may do, and the organization to select. The form posts back to the authorization endpoint,
 * which decides through {@link OrganizationSelection}; the page only explains.
 */
@Controller
class ConsentController {
    private final OutboundClientRepository clients;
    private final OrganizationSelection selection;
    private final OrganizationService organizations;

    ConsentController(OutboundClientRepository clients, OrganizationSelection selection, OrganizationService organizations) {
        this.clients = clients;
        this.selection = selection;
        this.organizations = organizations;
    }

    /** A scope as the Admin reads it. */
    record ScopeView(String value, String description) {
        static ScopeView of(String scope) {
            return new ScopeView(scope, switch (scope) {
                case OutboundScopes.OVERLAPS_READ -> "Show partner overlaps on Account and Lead pages (only what each partner shares)";
                case OutboundScopes.SETUP -> "Read this connection's status for the Crosswalk Setup page";
                default -> scope;
            });
        }
    }

    @GetMapping(OrganizationSelection.CONSENT_PAGE)
    String consent(@RequestParam("client_id") String clientId, @RequestParam(value = "scope", defaultValue = "") String scope,
            @RequestParam("state") String state, Authentication signedIn, Model model) {
        OutboundBinding client = clients.byClientId(clientId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown client"));
        Optional<MemberPrincipal> member = selection.current(signedIn);
        OrganizationSelection.Verdict verdict = OrganizationSelection.verdict(member.orElse(null), client);
        List<ScopeView> scopes = Arrays.stream(scope.split(" ")).filter(OutboundScopes.ALL::contains).distinct().map(ScopeView::of).toList();
        // The member's own organization only: naming the one the client is bound to would tell a stranger who uses it.
        List<Organization> selectable = verdict == OrganizationSelection.Verdict.ALLOWED
                ? member.flatMap(m -> organizations.organization(m.organizationId())).stream().toList()
                : List.of();
        model.addAttribute("clientId", clientId);
        model.addAttribute("state", state);
        model.addAttribute("salesforceOrgId", client.salesforceOrgId());
        model.addAttribute("scopes", scopes);
        model.addAttribute("organizations", selectable);
        model.addAttribute("refusal", verdict.message);
        model.addAttribute("email", member.map(MemberPrincipal::email).orElse(null));
        return "auth/consent";
    }
}
