package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.soql.PreparedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-side query cursors behind {@code nextRecordsUrl}. A cursor holds the matched rows as of
 * the first request (later pages do not shift when records are added or deleted meanwhile; values
 * are read when each page is rendered), belongs to the user who ran the query, and expires after a
 * period without use. Like Salesforce, a user keeps at most {@value #MAX_OPEN_PER_USER} cursors:
 * opening another releases that user's least recently used one.
 */
final class QueryCursors {
    static final int MAX_OPEN_PER_USER = 10;

    /** One open cursor. {@code rows} is the full result; pages are windows over it. */
    static final class Cursor {
        final String locator;
        final Org org;
        final String userId;
        final PreparedQuery query;
        final List<Record> rows;
        final int batchSize;
        private volatile Instant lastUsed;
        /** Order of last use, to pick the least recently used cursor even when the clock stands still. */
        private volatile long useTick;

        Cursor(String locator, Org org, String userId, PreparedQuery query, List<Record> rows, int batchSize, Instant now) {
            this.locator = locator;
            this.org = org;
            this.userId = userId;
            this.query = query;
            this.rows = rows;
            this.batchSize = batchSize;
            this.lastUsed = now;
        }
    }

    private final Clock clock;
    private final Duration timeout;
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(1);
    private final AtomicLong ticks = new AtomicLong();

    QueryCursors(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Opens a cursor over {@code rows} and returns its locator id ({@code 01g…}, 18 characters). */
    String open(Org org, String userId, PreparedQuery query, List<Record> rows, int batchSize) {
        Instant now = clock.instant();
        expire(now);
        String locator = Ids.to18(Ids.id15("01g", sequence.getAndIncrement()));
        Cursor opened = new Cursor(locator, org, userId, query, rows, batchSize, now);
        opened.useTick = ticks.incrementAndGet();
        cursors.put(locator, opened);
        List<Cursor> mine = cursors.values().stream()
                .filter(c -> c.org == org && c.userId.equals(userId))
                .sorted(Comparator.comparingLong((Cursor c) -> c.useTick))
                .toList();
        for (int i = 0; i < mine.size() - MAX_OPEN_PER_USER; i++) {
            cursors.remove(mine.get(i).locator);
        }
        return locator;
    }

    /** The caller's live cursor for a locator id, marked as used; {@code INVALID_QUERY_LOCATOR} otherwise. */
    Cursor use(String locator, Org org, String userId) {
        Instant now = clock.instant();
        expire(now);
        Cursor c = locator == null ? null : cursors.get(locator);
        if (c == null || c.org != org || !c.userId.equals(userId)) {
            throw invalidLocator();
        }
        c.lastUsed = now;
        c.useTick = ticks.incrementAndGet();
        return c;
    }

    int openCount() {
        return cursors.size();
    }

    static ApiException invalidLocator() {
        return ApiException.of(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }

    private void expire(Instant now) {
        Instant cutoff = now.minus(timeout);
        cursors.values().removeIf(c -> c.lastUsed.isBefore(cutoff));
    }
}
