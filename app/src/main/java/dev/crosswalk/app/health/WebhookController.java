package dev.crosswalk.app.health;

import dev.crosswalk.app.system.InputText;
import jakarta.validation.constraints.Size;
import dev.crosswalk.app.org.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Alerts", description = "Webhooks for status changes (HMAC-SHA256 signed) and the alerts sent")
class WebhookController {
    private final AlertRepository repository;
    private final Webhooks webhooks;

    WebhookController(AlertRepository repository, Webhooks webhooks) {
        this.repository = repository;
        this.webhooks = webhooks;
    }

    record NewWebhook(String url, @Size(max = InputText.TEXT_MAX) String description) {
    }

    /** The secret is shown once, here, and never again. */
    record CreatedWebhook(UUID id, String url, String description, Instant createdAt, String secret, String signatureHeader,
            String timestampHeader, String signedContent) {
    }

    @PostMapping("/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a webhook (Admins only); the answer holds the signing secret, shown only once",
            description = "Each alert is POSTed as JSON with X-Crosswalk-Timestamp and X-Crosswalk-Signature: "
                    + "sha256=hex(HMAC-SHA256(secret, timestamp + '.' + body)). The URL must be https and reach a public "
                    + "address (loopback, private, link-local and similar networks are refused, at creation and at every "
                    + "delivery, unless the operator allows them with crosswalk.webhooks.allowed-networks); redirects are "
                    + "not followed.")
    CreatedWebhook create(@AuthenticationPrincipal MemberPrincipal me, @RequestBody NewWebhook body) {
        Webhooks.Created c = webhooks.create(me, body.url(), body.description());
        return new CreatedWebhook(c.hook().id(), c.hook().url(), c.hook().description(), c.hook().createdAt(), c.secret(),
                WebhookSigner.SIGNATURE_HEADER, WebhookSigner.TIMESTAMP_HEADER, "<timestamp>.<body>");
    }

    @GetMapping("/webhooks")
    @Operation(summary = "The organization's webhooks (never their secrets)")
    List<AlertRepository.Webhook> list(@AuthenticationPrincipal MemberPrincipal me) {
        return repository.webhooks(me.organizationId());
    }

    @DeleteMapping("/webhooks/{webhookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID webhookId) {
        webhooks.delete(me, webhookId);
    }

    @GetMapping("/alerts")
    @Operation(summary = "Alerts sent, newest first, each with its deliveries (attempts, status, delivered or gave up)")
    List<AlertRepository.Alert> alerts(@AuthenticationPrincipal MemberPrincipal me,
            @RequestParam(required = false) UUID integrationId, @RequestParam(defaultValue = "50") int limit) {
        return repository.alerts(me.organizationId(), integrationId, Math.min(Math.max(limit, 1), 200));
    }
}
