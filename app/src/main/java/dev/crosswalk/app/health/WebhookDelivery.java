package dev.crosswalk.app.health;

import dev.crosswalk.app.system.egress.EgressClient;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One delivery attempt of an alert to a webhook: POST the JSON, signed, through the
 * {@link EgressClient} (the egress policy is checked again on the address connected to). A non-2xx
 * answer or a network failure throws, so db-scheduler retries it with exponential backoff (see
 * {@link HealthJobs}); a refusal by the egress policy is final and not retried.
 */
@Component
class WebhookDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

    private final AlertRepository repository;
    private final EgressClient http;
    private final Clock clock;

    WebhookDelivery(AlertRepository repository, EgressClient http, Clock clock) {
        this.repository = repository;
        this.http = http;
        this.clock = clock;
    }

    void deliver(UUID deliveryId) {
        AlertRepository.Outgoing out = repository.outgoing(deliveryId)
                .orElseThrow(() -> new IllegalStateException("delivery " + deliveryId + " not visible yet"));
        if (out.done()) {
            return;
        }
        long ts = clock.instant().getEpochSecond();
        Map<String, String> headers = WebhookSigner.headers("integration.status_changed", out.secret(), ts, out.payload());
        headers.put("X-Crosswalk-Delivery", deliveryId.toString());
        EgressClient.Result result = http.postJson(URI.create(out.url()), headers, out.payload());
        DeliveryOutcome outcome = DeliveryOutcome.of(result);
        Integer status = result instanceof EgressClient.Answered a ? a.status() : null;
        boolean refused = outcome == DeliveryOutcome.REFUSED_BY_POLICY;
        repository.attempted(deliveryId, clock.instant(), status, outcome, outcome == DeliveryOutcome.DELIVERED, refused);
        if (refused) {
            LOG.warn("webhook delivery {} refused by the egress policy: {}", deliveryId, ((EgressClient.Refused) result).reason());
        } else if (outcome != DeliveryOutcome.DELIVERED) {
            LOG.info("webhook delivery {} failed: {}", deliveryId, outcome);
            throw new IllegalStateException("webhook delivery failed: " + outcome);
        }
    }

    void gaveUp(UUID deliveryId) {
        repository.gaveUp(deliveryId);
    }
}
