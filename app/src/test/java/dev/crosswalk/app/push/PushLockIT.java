package dev.crosswalk.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.Await;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One push at a time per integration on every node: a push waits while another node's push of the same
 * integration holds its lock (played here by a connection of the test's own), runs as soon as that push
 * ends or its node dies, and never waits for another integration's push.
 */
class PushLockIT extends AppIntegrationTest {
    @Autowired
    PushEngine engine;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_push_waits_for_the_other_nodes_push_of_the_same_integration_and_runs_once_it_ends() throws Exception {
        UUID integration = UUID.randomUUID();
        try (Connection otherNode = dataSource.getConnection()) {
            lock(otherNode, "pg_advisory_lock", integration);
            CompletableFuture<Optional<PushRun>> push = CompletableFuture.supplyAsync(() -> engine.push(integration, "TEST"));
            awaitWaiter(integration);
            assertThat(push).isNotDone();

            lock(otherNode, "pg_advisory_unlock", integration);
            // No such integration: once it has the lock, the push finds nothing to do.
            assertThat(push.get(60, TimeUnit.SECONDS)).isEmpty();
        }
        assertThat(waiting(integration)).isFalse();
    }

    @Test
    void a_push_runs_when_the_node_holding_the_lock_dies() throws Exception {
        UUID integration = UUID.randomUUID();
        Connection otherNode = dataSource.getConnection();
        try {
            lock(otherNode, "pg_advisory_lock", integration);
            CompletableFuture<Optional<PushRun>> push = CompletableFuture.supplyAsync(() -> engine.push(integration, "TEST"));
            awaitWaiter(integration);

            int pid = backendPid(otherNode);
            jdbc.sql("select pg_terminate_backend(?)").param(pid).query().singleValue();
            assertThat(push.get(60, TimeUnit.SECONDS)).isEmpty();
        } finally {
            otherNode.abort(Runnable::run);
        }
    }

    @Test
    void another_integrations_push_never_waits() throws Exception {
        UUID busy = UUID.randomUUID();
        try (Connection otherNode = dataSource.getConnection()) {
            lock(otherNode, "pg_advisory_lock", busy);
            assertThat(CompletableFuture.supplyAsync(() -> engine.push(UUID.randomUUID(), "TEST")).get(60, TimeUnit.SECONDS)).isEmpty();
            lock(otherNode, "pg_advisory_unlock", busy);
        }
    }

    private static void lock(Connection c, String function, UUID integration) throws Exception {
        try (PreparedStatement s = c.prepareStatement("select " + function + "((" + PushLock.KEY + "))")) {
            s.setString(1, integration.toString());
            s.execute();
        }
    }

    private static int backendPid(Connection c) throws Exception {
        try (PreparedStatement s = c.prepareStatement("select pg_backend_pid()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Whether a session waits for the push lock of the integration (an advisory key shows as two 32-bit halves). */
    private boolean waiting(UUID integration) {
        return jdbc.sql("select exists (select 1 from pg_locks where locktype = 'advisory' and not granted"
                        + " and ((classid::bigint << 32) | objid::bigint) = (" + PushLock.KEY + "))")
                .param(integration.toString()).query(Boolean.class).single();
    }

    private void awaitWaiter(UUID integration) {
        Await.until("a push waiting for the lock", Duration.ofSeconds(60), () -> waiting(integration));
    }
}
