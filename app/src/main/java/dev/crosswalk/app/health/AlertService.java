package dev.crosswalk.app.health;

import dev.crosswalk.app.integration.IntegrationStatus;
import dev.crosswalk.app.schedule.Jobs;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts on status changes: one alert when an integration goes into Error and one when it
 * recovers (never one per failed run: the status compare-and-set decides), sent to every
 * webhook of the organization by a retried db-scheduler task.
 */
@Service
class AlertService {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final AlertRepository repository;
    private final Jobs jobs;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AlertService(AlertRepository repository, Jobs jobs, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.jobs = jobs;
        this.clock = clock;
    }

    enum Kind { INTO_ERROR, RECOVERED }

    static Kind kindOf(IntegrationStatus from, IntegrationStatus to) {
        if (to == IntegrationStatus.ERROR && from != IntegrationStatus.ERROR) {
            return Kind.INTO_ERROR;
        }
        if (from == IntegrationStatus.ERROR && to == IntegrationStatus.ACTIVE) {
            return Kind.RECOVERED;
        }
        return null;
    }

    /** Called inside the transaction that changed the status. */
    void statusChanged(UUID organizationId, UUID integrationId, IntegrationStatus from, IntegrationStatus to,
            List<IntegrationError> openErrors, Instant now) {
        Kind kind = kindOf(from, to);
        if (kind == null) {
            return;
        }
        UUID alertId = UUID.randomUUID();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", alertId.toString());
        payload.put("event", "integration.status_changed");
        payload.put("kind", kind.name());
        payload.put("organizationId", organizationId.toString());
        payload.put("integrationId", integrationId.toString());
        payload.put("from", from.name());
        payload.put("to", to.name());
        payload.put("at", now.toString());
        payload.put("errors", openErrors.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", e.code().name());
            m.put("object", e.object());
            m.put("field", e.field());
            m.put("message", e.message());
            m.put("fix", e.fix());
            return m;
        }).toList());
        repository.insertAlert(alertId, organizationId, integrationId, kind.name(), from.name(), to.name(),
                JSON.writeValueAsString(payload), now);
        events.publishEvent(new AlertEmails.AlertRaised(organizationId, integrationId, kind, openErrors));
        for (AlertRepository.Webhook w : repository.webhooks(organizationId)) {
            UUID deliveryId = repository.insertDelivery(alertId, w.id());
            jobs.queueNow(HealthJobs.DELIVER_ALERT, deliveryId.toString(), null);
        }
    }
}
