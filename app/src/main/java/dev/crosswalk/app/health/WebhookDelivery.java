package dev.crosswalk.app.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One delivery attempt of an alert to a webhook: POST the JSON, signed. A non-2xx answer or a
 * network failure throws, so db-scheduler retries it with exponential backoff (see {@link HealthJobs}).
 */
@Component
class WebhookDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

    private final AlertRepository repository;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookDelivery(AlertRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    void deliver(UUID deliveryId) {
        AlertRepository.Outgoing out = repository.outgoing(deliveryId)
                .orElseThrow(() -> new IllegalStateException("delivery " + deliveryId + " not visible yet"));
        if (out.done()) {
            return;
        }
        long ts = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(out.url())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Crosswalk-Webhooks/1")
                .header("X-Crosswalk-Event", "integration.status_changed")
                .header("X-Crosswalk-Delivery", deliveryId.toString())
                .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(ts))
                .header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(out.secret(), ts, out.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(out.payload())).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            boolean ok = response.statusCode() / 100 == 2;
            repository.attempted(deliveryId, clock.instant(), response.statusCode(), ok ? null : "HTTP " + response.statusCode(),
                    ok, false);
            if (!ok) {
                throw new IllegalStateException("webhook answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            repository.attempted(deliveryId, clock.instant(), null, e.getClass().getSimpleName(), false, false);
            LOG.info("webhook delivery {} failed: {}", deliveryId, e.getClass().getSimpleName());
            throw new IllegalStateException("webhook unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void gaveUp(UUID deliveryId) {
        repository.attempted(deliveryId, clock.instant(), null, "gave up after retries", false, true);
    }
}
