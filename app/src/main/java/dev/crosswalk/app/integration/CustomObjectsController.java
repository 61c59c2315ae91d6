package dev.crosswalk.app.integration;

import dev.crosswalk.app.connection.ConnectionView;
import dev.crosswalk.app.connection.SalesforceProperties;
import dev.crosswalk.app.org.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(CustomObjectsController.PATH)
@Tag(name = "Salesforce Custom Objects", description = "The integration that writes partner overlaps into Salesforce")
class CustomObjectsController {
    static final String PATH = "/api/v1/integrations/salesforce-custom-objects";

    private final CustomObjectsIntegrations service;
    private final SalesforceProperties properties;

    CustomObjectsController(CustomObjectsIntegrations service, SalesforceProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    record AuthorizeRequest(String sourceIntegrationId, String loginHost) {
    }

    record AuthorizeAnswer(URI authorizeUrl) {
    }

    /** The integration with its Inbound connection (never tokens). */
    record Details(CustomObjectsIntegration integration, ConnectionView inbound) {
    }

    record ScheduleChange(Integer frequencyHours, Boolean paused) {
    }

    @PostMapping("/authorize")
    @Operation(summary = "Create the integration or reauthorize its Inbound connection (Admins only): returns the URL to open",
            description = "sourceIntegrationId: the Salesforce data source whose org receives the overlap records; sign in as"
                    + " its integration user. loginHost defaults to the data source's. Another org is refused at the callback"
                    + " (SALESFORCE_ORG_MISMATCH).")
    AuthorizeAnswer authorize(@AuthenticationPrincipal MemberPrincipal me, @RequestBody(required = false) AuthorizeRequest body) {
        AuthorizeRequest b = body == null ? new AuthorizeRequest(null, null) : body;
        return new AuthorizeAnswer(service.beginAuthorize(me, CustomObjectsIntegrations.uuid("sourceIntegrationId", b.sourceIntegrationId()),
                b.loginHost(), IntegrationController.callbackUrl(properties)));
    }

    record CreateRequest(String sourceIntegrationId) {
    }

    @PostMapping
    @Operation(summary = "Add the integration for a data source's org (Admins only), Setting up until both connections work",
            description = "Idempotent per data source. Then authorize Inbound (/authorize) and Outbound (the setup journey)")
    Details create(@AuthenticationPrincipal MemberPrincipal me, @RequestBody(required = false) CreateRequest body) {
        return details(me, service.create(me, CustomObjectsIntegrations.uuid("sourceIntegrationId",
                body == null ? null : body.sourceIntegrationId())));
    }

    @GetMapping
    List<Details> list(@AuthenticationPrincipal MemberPrincipal me) {
        return service.list(me.organizationId()).stream().map(i -> details(me, i)).toList();
    }

    @GetMapping("/{id}")
    Details get(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        return details(me, service.require(me.organizationId(), id));
    }

    @PatchMapping("/{id}/settings")
    @Operation(summary = "Frequency (1, 3, 6, 12, 24 h) and pause (Admins only); what to push is the push settings' API")
    Details schedule(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, @RequestBody ScheduleChange body) {
        return details(me, service.updateSchedule(me, id, body.frequencyHours(), body.paused()));
    }

    @DeleteMapping("/{id}/inbound")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Disconnect the Inbound connection (its Salesforce approval is revoked); Update connects it again")
    void disconnectInbound(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        service.disconnectInbound(me, id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        service.delete(me, id);
    }

    private Details details(MemberPrincipal me, CustomObjectsIntegration i) {
        return new Details(i, service.inbound(me.organizationId(), i.id()).orElse(null));
    }
}
