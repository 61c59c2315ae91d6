package dev.crosswalk.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.Await;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Alerts reach a real HTTP receiver on loopback, signed, retried, once per status change. */
class WebhookAlertsIT extends HealthTestSupport {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Received(String timestamp, String signature, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    private AlertRepository alertRepository;
    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private String webhookId;
    private String secret;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/crosswalk", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            if (status == 204) {
                received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER),
                        exchange.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        ApiClient.Reply created = admin.post("/api/v1/webhooks", Map.of("url",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/crosswalk", "description", "test receiver"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        webhookId = created.json().get("id").asString();
        secret = created.json().get("secret").asString();
    }

    @AfterEach
    void stopReceiver() {
        admin.delete("/api/v1/webhooks/" + webhookId);
        receiver.stop(0);
    }

    private List<Received> receivedFor(UUID integrationId) {
        return received.stream().filter(r -> r.json().get("integrationId").asString().equals(integrationId.toString())).toList();
    }

    private List<Received> awaitReceived(UUID integrationId, int count) {
        return Await.until(count + " deliveries for " + integrationId, Duration.ofSeconds(45), () -> receivedFor(integrationId),
                r -> r.size() >= count);
    }

    @Test
    void one_signed_alert_into_error_retried_until_delivered_and_one_on_recovery() throws IOException {
        TestOrg sf = org("Webhook Org", 20, 5);
        UUID id = connect(sf);
        assertThat(alerts(id)).as("the first sync's success is no status change worth an alert").isEmpty();

        // A webhook saved when its address was allowed, now pointing elsewhere in loopback (as after DNS
        // rebinding): the policy is checked again on the address connected to at delivery.
        HttpServer rebound = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        AtomicInteger reboundHits = new AtomicInteger();
        rebound.createContext("/", exchange -> {
            reboundHits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        rebound.start();
        UUID reboundId = UUID.randomUUID();
        alertRepository.insertWebhook(reboundId, organizationId(), "http://127.0.0.2:" + rebound.getAddress().getPort() + "/x",
                "whsec_" + reboundId, "rebound", Instant.now());

        failuresLeft.set(1); // the receiver is down once: the delivery is retried with backoff
        SalesforceFixture.emulator().state().tokens().revokeRefreshTokensOfUser(sf.integrationUserId());
        syncNow(id).orElseThrow();
        List<Received> intoError = awaitReceived(id, 1);

        syncNow(id).orElseThrow();
        probe.probe(id, false);
        assertThat(reauthorize(id, sf.integrationUsername(), Map.of()).status()).isEqualTo(302);
        admin.get("/api/v1/integrations/" + id + "/verification?waitSeconds=15");
        List<Received> all = awaitReceived(id, 2);
        Await.during(Duration.ofMillis(500)); // time for a wrong third delivery to show up

        assertThat(receivedFor(id)).as("one alert per status change, not per failed run").hasSize(2);
        assertThat(all).extracting(r -> r.json().get("kind").asString()).containsExactly("INTO_ERROR", "RECOVERED");
        assertThat(all).allSatisfy(r -> assertThat(WebhookSigner.verify(secret, r.timestamp(), r.body(), r.signature()))
                .as("signature of " + r.body()).isTrue());
        assertThat(WebhookSigner.verify("whsec_wrong", intoError.get(0).timestamp(), intoError.get(0).body(),
                intoError.get(0).signature())).isFalse();
        JsonNode first = intoError.get(0).json();
        assertThat(first.get("from").asString()).isEqualTo("ACTIVE");
        assertThat(first.get("to").asString()).isEqualTo("ERROR");
        assertThat(first.get("errors").get(0).get("code").asString()).isEqualTo("AUTH_REVOKED");
        assertThat(first.get("errors").get(0).get("fix").asString()).contains("Reauthorize");

        List<JsonNode> listed = alerts(id);
        assertThat(listed).extracting(a -> a.get("kind").asString()).containsExactly("RECOVERED", "INTO_ERROR");
        JsonNode delivery = deliveryTo(listed.get(1), webhookId);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivery.get("deliveredAt")).isNotNull();
        assertThat(delivery.get("lastOutcome").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.has("lastStatus") || delivery.has("lastError")).as("no raw status or network error").isFalse();

        JsonNode refused = deliveryTo(listed.get(1), reboundId.toString());
        assertThat(refused.get("lastOutcome").asString()).isEqualTo("REFUSED_BY_POLICY");
        assertThat(refused.get("gaveUp").asBoolean()).as("a refusal is final, not retried").isTrue();
        assertThat(refused.get("attempts").asInt()).isEqualTo(1);
        assertThat(reboundHits.get()).as("nothing reaches the refused address").isZero();
        rebound.stop(0);
        admin.delete("/api/v1/webhooks/" + reboundId);
        assertThat(admin.get("/api/v1/webhooks").body()).contains(webhookId).doesNotContain(secret);
        assertRecordsEqual(id, sf);
    }

    private static JsonNode deliveryTo(JsonNode alert, String webhookId) {
        return alert.get("deliveries").valueStream().filter(d -> d.get("webhookId").asString().equals(webhookId)).findFirst()
                .orElseThrow(() -> new AssertionError("no delivery to " + webhookId + " in " + alert));
    }

    private UUID organizationId() {
        return jdbc.sql("select organization_id from webhook where id = ?").param(UUID.fromString(webhookId)).query(UUID.class).single();
    }

    @Test
    void webhooks_to_internal_networks_numeric_hosts_or_other_schemes_are_refused() {
        List<String> urls = List.of("http://127.0.0.2:5432/", "http://localhost:8080/x", "http://[::1]:5432/",
                "http://[::ffff:127.0.0.1]:8080/", "http://2130706433:8080/", "https://0x7f000001/", "http://0177.0.0.1/",
                "https://169.254.169.254/latest/meta-data/", "https://10.0.0.1/", "https://192.168.1.1/", "https://100.64.0.1/",
                "https://[fd00::1]/", "https://0.0.0.0/", "https://224.0.0.1/", "ftp://127.0.0.1/x", "http://hooks.example.com/x");
        SoftAssertions soft = new SoftAssertions();
        for (String url : urls) {
            ApiClient.Reply reply = admin.post("/api/v1/webhooks", Map.of("url", url));
            soft.assertThat(reply.status()).as(url + " → " + reply.body()).isEqualTo(400);
            if (reply.status() == 400) {
                soft.assertThat(reply.json().get("code").asString()).as(url).isEqualTo("WEBHOOK_URL_NOT_ALLOWED");
                soft.assertThat(reply.json().get("detail").asString()).as(url).startsWith("url: ");
            }
        }
        soft.assertAll();
        assertThat(admin.get("/api/v1/webhooks").json().valueStream().map(w -> w.get("url").asString()))
                .as("only the test receiver").hasSize(1);
    }
}
