package dev.crosswalk.salesforce;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection that breaks in the middle of a Bulk results page (something the emulator cannot
 * inject: it needs a socket closed half-way through a body). A tiny local server stands in for
 * the network failure; the client must fetch the page again and skip the rows it already gave.
 */
class BrokenDownloadIT {

    private static final String JOB = "/services/data/v62.0/jobs/query/750000000000001AAA/results";
    private HttpServer server;
    private final AtomicInteger pageRequests = new AtomicInteger();

    private static String page(int from, int to, boolean header) {
        StringBuilder sb = new StringBuilder(header ? "\"Id\",\"Name\"\n" : "");
        for (int i = from; i < to; i++) {
            sb.append("\"001").append(i).append("\",\"Account ").append(i).append("\"\n");
        }
        return sb.toString();
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(JOB, exchange -> {
            int n = pageRequests.incrementAndGet();
            String locator = exchange.getRequestURI().getQuery();
            boolean second = locator != null && locator.contains("locator=P2");
            byte[] body = (second ? page(100, 200, true) : page(0, 100, true)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Sforce-Locator", second ? "null" : "P2");
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (n == 1) {
                    // First attempt at page 1: send 40 rows worth, then drop the connection.
                    out.write(body, 0, body.length * 2 / 5);
                    out.flush();
                    throw new IOException("simulated network failure");
                }
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_page_broken_mid_body_is_fetched_again_and_no_row_is_lost_or_duplicated() {
        FakeTime time = new FakeTime();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        SalesforceClient client = SalesforceClient.create(ClientConfig.builder("test")
                .instanceUrlPolicy(InstanceUrlPolicy.salesforceDefaults().allowingLoopback())
                .clock(time).sleeper(time).build());
        SalesforceConnection sf = client.connect(new InMemoryCredentialStore(
                new Credentials("00D!token", null, base, null, Instant.EPOCH, null)));
        List<String> ids = new ArrayList<>();
        try (CloseableIterator<Row> rows = sf.bulkQuery().results("750000000000001AAA")) {
            rows.forEachRemaining(r -> ids.add(r.get("Id")));
        }
        assertThat(ids).hasSize(200).doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo("0010");
        assertThat(ids.get(199)).isEqualTo("001199");
        assertThat(pageRequests).hasValue(3);
        assertThat(time.sleeps()).hasSize(1);
    }
}
