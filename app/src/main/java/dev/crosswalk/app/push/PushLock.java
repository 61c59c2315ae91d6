package dev.crosswalk.app.push;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One push at a time per integration, across every node: a PostgreSQL session-level advisory lock on
 * the integration, held on a connection of its own for the whole push. The pipeline's push on one node
 * and a queued push on another would otherwise interleave their writes and their run counts. A node that
 * dies loses its connection, and PostgreSQL drops the lock with it: there is no lease to expire or to
 * take over.
 */
@Component
class PushLock {
    private static final Logger LOG = LoggerFactory.getLogger(PushLock.class);
    /** The key space of these locks ({@code hashtextextended} of a prefixed id, as the other advisory locks here do). */
    static final String KEY = "select hashtextextended('push:' || ?, 0)";

    private final DataSource dataSource;

    PushLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock of one integration, held until closed. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits until no other push of the integration runs (on any node), then holds its lock. */
    Held acquire(UUID integrationId) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            run(c, "select pg_advisory_lock((" + KEY + "))", integrationId);
            Connection held = c;
            return () -> release(held, integrationId);
        } catch (SQLException e) {
            if (c != null) {
                discard(c);
            }
            throw new IllegalStateException("could not take the push lock of integration " + integrationId, e);
        }
    }

    private static void release(Connection c, UUID integrationId) {
        try {
            run(c, "select pg_advisory_unlock((" + KEY + "))", integrationId);
            c.close();
        } catch (SQLException e) {
            // A pooled connection still holding the lock would block this integration's pushes for as long as it
            // lives: never hand it back; dropping it ends the session and with it the lock.
            LOG.warn("push lock of integration {} not released cleanly; dropping its connection", integrationId);
            discard(c);
        }
    }

    private static void run(Connection c, String sql, UUID integrationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, integrationId.toString());
            s.execute();
        }
    }

    private static void discard(Connection c) {
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // Already broken: the pool evicts it.
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // As above.
        }
    }
}
