package dev.crosswalk.app.system;

import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refreshes a table's planner statistics right after a bulk change, inside the same transaction.
 * Autovacuum analyzes only on its next round (up to a minute later, and after the transaction
 * commits); a query planned before that trusts the old statistics. After a first sync fills a
 * table from empty, such a plan can be a nested loop over a sequential scan: minutes instead of
 * milliseconds on a million rows. Same threshold as autovacuum's default: 10% of the rows changed.
 */
@Component
public class TableStatistics {
    private static final Pattern TABLE = Pattern.compile("[a-z_]+");
    private static final double SHARE = 0.1;
    private static final long MIN_ROWS = 1_000;

    private final JdbcClient jdbc;

    TableStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Analyzes {@code table} if {@code changedRows} is a large share of what its statistics think it holds. */
    public void refreshIfChangedMuch(String table, long changedRows) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        if (changedRows < MIN_ROWS) {
            return;
        }
        double known = jdbc.sql("select reltuples from pg_class where oid = cast(? as regclass)").param(table)
                .query(Double.class).single();
        if (known < 0 || changedRows > known * SHARE) {
            jdbc.sql("analyze " + table).update();
        }
    }
}
