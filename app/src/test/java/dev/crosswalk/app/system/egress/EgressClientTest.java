package dev.crosswalk.app.system.egress;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real HTTP receiver on loopback: the policy holds on the address actually connected to. */
class EgressClientTest {
    private HttpServer receiver;
    private final List<String> hits = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> dnsAnswer = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            hits.add(exchange.getRequestURI().getPath());
            if (exchange.getRequestURI().getPath().equals("/redirect")) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/elsewhere");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private int port() {
        return receiver.getAddress().getPort();
    }

    /** "hooks.example.com" answers whatever {@link #dnsAnswer} holds at the moment it is asked. */
    private EgressPolicy policy(String... allowed) {
        return new EgressPolicy(List.of(allowed), host -> {
            if (!host.equals("hooks.example.com")) {
                throw new java.net.UnknownHostException(host);
            }
            return new InetAddress[] {InetAddresses.forString(dnsAnswer.get())};
        });
    }

    private EgressClient.Result post(EgressPolicy policy, String url) {
        return new EgressClient(policy, Duration.ofSeconds(2), Duration.ofSeconds(2)).postJson(URI.create(url), Map.of("X-Test", "1"), "{}");
    }

    @Test
    void dns_rebinding_after_the_check_at_creation_is_refused_at_delivery_and_nothing_is_sent() throws Exception {
        EgressPolicy policy = policy();
        dnsAnswer.set("93.184.216.34");
        URI saved = policy.checkUrl("https://hooks.example.com:" + port() + "/hook");

        dnsAnswer.set("127.0.0.1"); // the name now points at the machine itself
        EgressClient.Result result = post(policy, saved.toString().replace("https:", "http:"));

        assertThat(result).isInstanceOf(EgressClient.Refused.class);
        assertThat(hits).isEmpty();
    }

    @Test
    void a_loopback_literal_is_refused_without_connecting() {
        assertThat(post(policy(), "http://127.0.0.1:" + port() + "/hook")).isInstanceOf(EgressClient.Refused.class);
        assertThat(post(policy(), "http://[::ffff:127.0.0.1]:" + port() + "/hook")).isInstanceOf(EgressClient.Refused.class);
        assertThat(hits).isEmpty();
    }

    @Test
    void an_allowed_network_is_reached() {
        assertThat(post(policy("127.0.0.1/32"), "http://127.0.0.1:" + port() + "/hook")).isEqualTo(new EgressClient.Answered(204));
        dnsAnswer.set("127.0.0.1");
        assertThat(post(policy("127.0.0.1/32"), "http://hooks.example.com:" + port() + "/by-name"))
                .isEqualTo(new EgressClient.Answered(204));
        assertThat(hits).containsExactly("/hook", "/by-name");
    }

    @Test
    void redirects_are_not_followed() {
        assertThat(post(policy("127.0.0.1/32"), "http://127.0.0.1:" + port() + "/redirect")).isEqualTo(new EgressClient.Answered(302));
        assertThat(hits).containsExactly("/redirect");
    }

    @Test
    void a_closed_port_is_just_not_reached() throws IOException {
        int closed;
        try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        assertThat(post(policy("127.0.0.1/32"), "http://127.0.0.1:" + closed + "/")).isInstanceOf(EgressClient.NotReached.class);
    }
}
