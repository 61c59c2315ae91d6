package dev.crosswalk.app.auth;

import dev.crosswalk.app.org.Organization;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.overlap.OverlapReportService;
import dev.crosswalk.app.overlap.OverlapReports;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the Salesforce package calls with its Outbound token ({@code callout:Crosswalk/api/package/v1/…}):
 * the connection status for the Setup page, and the partner overlaps of one record for the record page.
 * Every answer is scoped to the organization and Salesforce org the token's client is bound to.
 */
@RestController
@RequestMapping(PackageApiController.BASE)
class PackageApiController {
    static final String BASE = "/api/package/v1";
    private static final String ACCOUNT_PREFIX = "001";
    private static final String LEAD_PREFIX = "00Q";

    /** What the token filter answers a token it refuses with (the resource server's default entry point). */
    private static final BearerTokenAuthenticationEntryPoint REFUSED = new BearerTokenAuthenticationEntryPoint();

    private final PackageCalls calls;
    private final OrganizationService organizations;
    private final OverlapReportService overlaps;

    PackageApiController(PackageCalls calls, OrganizationService organizations, OverlapReportService overlaps) {
        this.calls = calls;
        this.organizations = organizations;
        this.overlaps = overlaps;
    }

    /** The Setup page's view of the connection. */
    record Status(String status, String organization, UUID organizationId, UUID integrationId, String salesforceOrgId,
            List<String> scopes, Instant accessTokenExpiresAt) {
    }

    /** The record page's data: one entry per overlapping partner record (the shape the package's crosswalkOverlaps component reads). */
    record RecordOverlaps(String salesforceRecordId, String object, List<Overlap> overlaps) {
    }

    /** A partner's record overlapping this one: the partner, the shared populations it is in, and only the fields they share. */
    record Overlap(String partnerName, String partnerPopulation, List<String> partnerPopulations, String partnerObject,
            String evidence, String matchedKey, Map<String, String> partnerFields) {
    }

    @GetMapping("/status")
    Status status(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        OutboundBinding client = calls.accept(jwt, request);
        String name = organizations.organization(client.organizationId()).map(Organization::name).orElse(null);
        return new Status("CONNECTED", name, client.organizationId(), client.integrationId(), client.salesforceOrgId(),
                jwt.getClaimAsStringList("scope"), jwt.getExpiresAt());
    }

    /**
     * The record page: its one statement also checks that the token is still active ({@link PackageCalls#recordPage}), in
     * place of the token filter's own query, so a call costs one round trip to PostgreSQL (P6). A token the statement finds
     * revoked or expired is answered as the filter answers it: 401 from the bearer token entry point.
     */
    @GetMapping("/records/{salesforceRecordId}/overlaps")
    ResponseEntity<RecordOverlaps> recordOverlaps(@AuthenticationPrincipal Jwt jwt, @PathVariable String salesforceRecordId,
            HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Optional<RecordOverlaps> page = calls.recordPage(jwt, request, (client, stillAdmitted) -> {
            String id = SalesforceIds.normalize(salesforceRecordId)
                    .orElseThrow(() -> CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "salesforceRecordId: not a Salesforce record id"));
            String object = id.startsWith(ACCOUNT_PREFIX) ? "Account" : id.startsWith(LEAD_PREFIX) ? "Lead" : null;
            if (object == null) {
                throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "salesforceRecordId: must be an Account (001…) or Lead (00Q…) id");
            }
            return overlaps.recordOverlaps(stillAdmitted, client.organizationId(), client.sourceIntegrationId(), id)
                    .map(found -> new RecordOverlaps(id, object, overlaps(found)));
        });
        if (page.isEmpty()) {
            REFUSED.commence(request, response, new InvalidBearerTokenException("the access token was revoked"));
            return null; // the entry point wrote the answer
        }
        return ResponseEntity.ok(page.get());
    }

    private static List<Overlap> overlaps(List<OverlapReports.RecordOverlap> overlaps) {
        List<Overlap> found = new ArrayList<>();
        for (OverlapReports.RecordOverlap o : overlaps) {
            String partner = o.partnerName();
            for (OverlapReports.PartnerRecord r : o.records()) {
                found.add(new Overlap(partner, String.join(", ", r.populations()), r.populations(), r.partnerObject(), r.evidence().name(),
                        r.matchedKey(), r.partnerFields()));
            }
        }
        return found;
    }
}
