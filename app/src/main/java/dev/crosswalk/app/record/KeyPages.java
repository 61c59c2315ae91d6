package dev.crosswalk.app.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The pages of one key computation, read and keyed on a thread of their own, at most two pages
 * ahead of the writer: while PostgreSQL writes one page of keys, the next is read and its keys are
 * computed in Java, so a large pass costs about the larger of the two instead of their sum (on two
 * cores, about half). Memory stays bounded by the queue: three pages at most.
 *
 * <p>The reader uses its own connection outside the writer's transaction. That reads what the
 * writer's statements would have read (READ COMMITTED: each statement sees what was committed when
 * it started); the writer's own uncommitted keys are never needed to choose the records.
 */
final class KeyPages implements AutoCloseable {
    /** Keys of one page, the last record's {@code synced_at}, and what reading and computing it took. */
    record Page(List<KeyedRecord> rows, Instant lastSyncedAt, long readNanos, long computeNanos) {
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
    private final Thread reader;
    private volatile boolean closed;

    KeyPages(RecordKeyStore store, MatchKeys keys, UUID integrationId, Instant from, boolean skipKeyed, int pageSize) {
        reader = new Thread(() -> read(store, keys, integrationId, from, skipKeyed, pageSize), "match-keys-" + integrationId);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(RecordKeyStore store, MatchKeys keys, UUID integrationId, Instant from, boolean skipKeyed, int pageSize) {
        try {
            RecordKeyStore.Source last = null;
            while (!closed) {
                long t0 = System.nanoTime();
                List<RecordKeyStore.Source> page = store.page(integrationId, from, skipKeyed, last, pageSize);
                long t1 = System.nanoTime();
                if (page.isEmpty()) {
                    break;
                }
                List<KeyedRecord> keyed = new ArrayList<>(page.size());
                for (RecordKeyStore.Source s : page) {
                    keyed.add(new KeyedRecord(s.object(), s.sfId(), s.syncedAt(),
                            MatchableObjects.keys(keys, s.object(), s.deleted(), s.website(), s.email(), s.name(), s.company())));
                }
                last = page.get(page.size() - 1);
                queue.put(new Page(keyed, last.syncedAt(), t1 - t0, System.nanoTime() - t1));
                if (page.size() < pageSize) {
                    break;
                }
            }
            queue.put(END);
        } catch (InterruptedException e) {
            // closed by the writer: nobody waits for more pages
        } catch (RuntimeException | Error e) {
            // The writer takes it in place of the next page and fails the pass with it.
            queue.offer(e);
        }
    }

    /** The next page, or null after the last; throws what reading or computing failed with. */
    Page next() {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for records to key", e);
        }
        if (item instanceof Throwable t) {
            throw new IllegalStateException("reading records for their match keys failed: " + t.getMessage(), t);
        }
        return item == END ? null : (Page) item;
    }

    /** Stops the reader (after the last page, or when the writer failed). */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        queue.clear();
    }
}
