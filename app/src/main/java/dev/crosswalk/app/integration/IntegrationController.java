package dev.crosswalk.app.integration;

import dev.crosswalk.app.system.InputText;
import jakarta.validation.constraints.Size;
import dev.crosswalk.app.connection.SalesforceProperties;
import dev.crosswalk.app.org.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/integrations")
@Tag(name = "Integrations", description = "Salesforce data sources: connect, reauthorize, settings")
class IntegrationController {
    static final String CALLBACK_PATH = "/oauth/salesforce/callback";

    private final IntegrationService service;
    private final SalesforceProperties properties;

    IntegrationController(IntegrationService service, SalesforceProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    record ConnectRequest(String loginHost, @Size(max = InputText.NAME_MAX) String name, Boolean replaceOrg) {
    }

    record ConnectAnswer(URI authorizeUrl) {
    }

    @GetMapping
    List<IntegrationService.Details> list(@AuthenticationPrincipal MemberPrincipal me) {
        return service.list(me);
    }

    @GetMapping("/{id}")
    IntegrationService.Details get(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        return service.get(me.organizationId(), id);
    }

    @PostMapping("/salesforce/authorize")
    @Operation(summary = "Start connecting a Salesforce org (Admins only): returns the URL to open in the browser",
            description = "loginHost: production, sandbox, a My Domain (acme or acme.my.salesforce.com) or a URL")
    ConnectAnswer connect(@AuthenticationPrincipal MemberPrincipal me, @RequestBody ConnectRequest body, HttpServletRequest request) {
        return new ConnectAnswer(service.beginConnect(me, body.loginHost(), body.name(), null, false, callbackUrl(properties)));
    }

    @PostMapping("/{id}/reauthorize")
    @Operation(summary = "Reauthorize the connection (⋯ → Update): sign in again, possibly as another Salesforce user")
    ConnectAnswer reauthorize(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id,
            @RequestBody(required = false) ConnectRequest body) {
        ConnectRequest b = body == null ? new ConnectRequest(null, null, false) : body;
        String host = b.loginHost() != null ? b.loginHost()
                : service.get(me.organizationId(), id).connection().loginHost();
        return new ConnectAnswer(service.beginConnect(me, host, null, id, Boolean.TRUE.equals(b.replaceOrg()),
                callbackUrl(properties)));
    }

    @PatchMapping("/{id}/settings")
    @Operation(summary = "Frequency (1, 3, 6, 12, 24 h), pause, objects and fields (Admins only)")
    IntegrationService.Details settings(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id,
            @RequestBody IntegrationService.SettingsChange body) {
        return service.updateSettings(me, id, body);
    }

    @GetMapping("/{id}/fields")
    @Operation(summary = "Fields available per object, from Salesforce's describe")
    Map<String, List<String>> fields(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        return service.fieldCatalog(me, id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        service.disconnect(me, id);
    }

    /** The configured callback, or this server's own when none is configured (local and demo setups). */
    static String callbackUrl(SalesforceProperties properties) {
        if (!properties.callbackUrl().isBlank()) {
            return properties.callbackUrl();
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK_PATH).toUriString();
    }
}
