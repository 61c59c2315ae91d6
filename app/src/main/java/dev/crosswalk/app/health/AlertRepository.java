package dev.crosswalk.app.health;

import dev.crosswalk.app.system.SecretCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhooks (secrets encrypted, bound to the webhook id), alerts and their deliveries. */
@Repository
class AlertRepository {
    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    AlertRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    record Webhook(UUID id, UUID organizationId, String url, String description, Instant createdAt) {
    }

    /** {@code lastOutcome} is coarse on purpose (see {@link DeliveryOutcome}); the exact HTTP status stays internal. */
    record Delivery(UUID id, UUID alertId, UUID webhookId, int attempts, Instant deliveredAt, Instant lastAttemptAt,
            DeliveryOutcome lastOutcome, boolean gaveUp) {
    }

    record Alert(UUID id, UUID integrationId, String kind, String fromStatus, String toStatus, String payload, Instant createdAt,
            List<Delivery> deliveries) {
    }

    /** What a delivery attempt needs: where, the secret, the body. */
    record Outgoing(UUID deliveryId, String url, String secret, String payload, int attempts, boolean done) {
    }

    void insertWebhook(UUID id, UUID organizationId, String url, String secret, String description, Instant now) {
        jdbc.sql("insert into webhook (id, organization_id, url, secret_enc, description, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, organizationId, url, cipher.encrypt(secret, id.toString()), description, Timestamp.from(now)).update();
    }

    List<Webhook> webhooks(UUID organizationId) {
        return jdbc.sql("select id, organization_id, url, description, created_at from webhook where organization_id = ? order by created_at")
                .param(organizationId)
                .query((rs, n) -> new Webhook(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Where a webhook posts and its secret (for a test delivery). */
    record Target(String url, String secret) {
    }

    Optional<Target> target(UUID organizationId, UUID id) {
        return jdbc.sql("select url, secret_enc from webhook where organization_id = ? and id = ?").params(organizationId, id)
                .query((rs, n) -> new Target(rs.getString(1), cipher.decrypt(rs.getBytes(2), id.toString()))).optional();
    }

    int deleteWebhook(UUID organizationId, UUID id) {
        return jdbc.sql("delete from webhook where organization_id = ? and id = ?").params(organizationId, id).update();
    }

    void insertAlert(UUID id, UUID organizationId, UUID integrationId, String kind, String from, String to, String payload,
            Instant now) {
        jdbc.sql("""
                insert into alert (id, organization_id, integration_id, kind, from_status, to_status, payload, created_at)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""")
                .params(id, organizationId, integrationId, kind, from, to, payload, Timestamp.from(now)).update();
    }

    UUID insertDelivery(UUID alertId, UUID webhookId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into alert_delivery (id, alert_id, webhook_id) values (?, ?, ?)").params(id, alertId, webhookId).update();
        return id;
    }

    Optional<Outgoing> outgoing(UUID deliveryId) {
        return jdbc.sql("""
                select d.id, w.id as webhook_id, w.url, w.secret_enc, a.payload::text as payload, d.attempts,
                       (d.delivered_at is not null or d.gave_up) as done
                from alert_delivery d join webhook w on w.id = d.webhook_id join alert a on a.id = d.alert_id
                where d.id = ?""")
                .param(deliveryId)
                .query((rs, n) -> new Outgoing(rs.getObject("id", UUID.class), rs.getString("url"),
                        cipher.decrypt(rs.getBytes("secret_enc"), rs.getObject("webhook_id", UUID.class).toString()),
                        rs.getString("payload"), rs.getInt("attempts"), rs.getBoolean("done")))
                .optional();
    }

    /** {@code last_error} holds the coarse outcome's name. */
    void attempted(UUID deliveryId, Instant at, Integer status, DeliveryOutcome outcome, boolean delivered, boolean gaveUp) {
        jdbc.sql("""
                update alert_delivery set attempts = attempts + 1, last_attempt_at = ?, last_status = ?, last_error = ?,
                    delivered_at = case when ? then ? else delivered_at end, gave_up = ? where id = ?""")
                .params(Timestamp.from(at), status, outcome.name(), delivered, Timestamp.from(at), gaveUp, deliveryId).update();
    }

    List<Alert> alerts(UUID organizationId, UUID integrationId, int limit) {
        List<Alert> list = jdbc.sql("""
                select id, integration_id, kind, from_status, to_status, payload::text, created_at from alert
                where organization_id = ? and (cast(? as uuid) is null or integration_id = ?)
                order by created_at desc limit ?""")
                .params(organizationId, integrationId, integrationId, limit)
                .query((rs, n) -> new Alert(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), List.of()))
                .list();
        return list.stream().map(a -> new Alert(a.id(), a.integrationId(), a.kind(), a.fromStatus(), a.toStatus(), a.payload(),
                a.createdAt(), deliveries(a.id()))).toList();
    }

    private List<Delivery> deliveries(UUID alertId) {
        return jdbc.sql("""
                select id, alert_id, webhook_id, attempts, delivered_at, last_attempt_at, last_error, gave_up
                from alert_delivery where alert_id = ?""").param(alertId).query(AlertRepository::delivery).list();
    }

    private static Delivery delivery(ResultSet rs, int n) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        Timestamp last = rs.getTimestamp("last_attempt_at");
        String outcome = rs.getString("last_error");
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("alert_id", UUID.class),
                rs.getObject("webhook_id", UUID.class), rs.getInt("attempts"), delivered == null ? null : delivered.toInstant(),
                last == null ? null : last.toInstant(), outcome == null ? null : outcomeOf(outcome),
                rs.getBoolean("gave_up"));
    }

    /** Rows written before outcomes were coarse hold free text ("HTTP 503", an exception's name). */
    private static DeliveryOutcome outcomeOf(String stored) {
        try {
            return DeliveryOutcome.valueOf(stored);
        } catch (IllegalArgumentException e) {
            return stored.matches("HTTP \\d{3}") ? DeliveryOutcome.ofStatus(Integer.parseInt(stored.substring(5)))
                    : DeliveryOutcome.NOT_REACHED;
        }
    }

    /** Retries are exhausted: the last attempt's outcome stays as it was. */
    void gaveUp(UUID deliveryId) {
        jdbc.sql("update alert_delivery set gave_up = true where id = ?").param(deliveryId).update();
    }
}
