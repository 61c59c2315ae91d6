package dev.crosswalk.app.health;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import dev.crosswalk.app.system.egress.EgressClient;
import dev.crosswalk.app.system.egress.EgressPolicy;
import dev.crosswalk.app.system.egress.EgressRefusedException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The organization's webhooks for alerts: add (the signing secret is shown once), list, delete,
 * send a signed test, and the alerts sent with each delivery's outcome. The API and the Team →
 * Alerts page both go through here.
 */
@Service
public class Webhooks {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AlertRepository repository;
    private final EgressPolicy egressPolicy;
    private final EgressClient http;
    private final Clock clock;

    Webhooks(AlertRepository repository, EgressPolicy egressPolicy, EgressClient http, Clock clock) {
        this.repository = repository;
        this.egressPolicy = egressPolicy;
        this.http = http;
        this.clock = clock;
    }

    public record Hook(UUID id, String url, String description, Instant createdAt) {
    }

    /** A new webhook with its secret: shown once, never again. */
    public record Created(Hook hook, String secret) {
    }

    /** One delivery of an alert to one webhook, as shown. */
    public record Delivery(UUID webhookId, int attempts, String outcome, boolean delivered, boolean gaveUp, Instant lastAttemptAt) {
    }

    public record SentAlert(UUID id, UUID integrationId, String kind, Instant at, List<Delivery> deliveries) {
    }

    public Created create(MemberPrincipal me, String rawUrl, String description) {
        OrganizationService.requireAdmin(me);
        URI url;
        try {
            url = egressPolicy.checkUrl(rawUrl);
        } catch (EgressRefusedException e) {
            throw CrosswalkException.of(ErrorCode.WEBHOOK_URL_NOT_ALLOWED, "url: the URL " + e.getMessage());
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String text = description == null || description.isBlank() ? null : description.strip();
        repository.insertWebhook(id, me.organizationId(), url.toString(), secret, text, now);
        return new Created(new Hook(id, url.toString(), text, now), secret);
    }

    public List<Hook> list(UUID organizationId) {
        return repository.webhooks(organizationId).stream().map(w -> new Hook(w.id(), w.url(), w.description(), w.createdAt()))
                .toList();
    }

    public void delete(MemberPrincipal me, UUID webhookId) {
        OrganizationService.requireAdmin(me);
        if (repository.deleteWebhook(me.organizationId(), webhookId) != 1) {
            throw CrosswalkException.notFound("Webhook");
        }
    }

    public List<SentAlert> recent(UUID organizationId, int limit) {
        return repository.alerts(organizationId, null, limit).stream().map(a -> new SentAlert(a.id(), a.integrationId(), a.kind(),
                a.createdAt(), a.deliveries().stream().map(d -> new Delivery(d.webhookId(), d.attempts(),
                        d.lastOutcome() == null ? "PENDING" : d.lastOutcome().name(), d.deliveredAt() != null, d.gaveUp(),
                        d.lastAttemptAt())).toList())).toList();
    }

    /**
     * Posts a signed {@code webhook.test} event to the webhook now, through the same egress policy
     * as real deliveries, and answers the outcome (DELIVERED, HTTP_4XX, TIMEOUT, REFUSED_BY_POLICY, …).
     */
    public String sendTest(MemberPrincipal me, UUID webhookId) {
        OrganizationService.requireAdmin(me);
        AlertRepository.Target target = repository.target(me.organizationId(), webhookId)
                .orElseThrow(() -> CrosswalkException.notFound("Webhook"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", UUID.randomUUID().toString());
        payload.put("event", "webhook.test");
        payload.put("organizationId", me.organizationId().toString());
        payload.put("at", clock.instant().toString());
        String body = AlertService.JSON.writeValueAsString(payload);
        long ts = clock.instant().getEpochSecond();
        return DeliveryOutcome.of(http.postJson(URI.create(target.url()), WebhookSigner.headers("webhook.test", target.secret(), ts,
                body), body)).name();
    }
}
