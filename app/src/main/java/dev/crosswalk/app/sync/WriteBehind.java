package dev.crosswalk.app.sync;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Writes one object's batches on background threads while the sync reads the next batch from
 * Salesforce, so downloading, parsing and PostgreSQL's work overlap instead of taking turns; with
 * two writers PostgreSQL also works on two batches at once. Memory stays at a few batches, whatever
 * the org's size.
 *
 * <p>Batches may commit out of order, so each one checkpoints only what is safe: the watermark of
 * the longest run of batches, from the first, known to be committed, counting itself (it commits
 * together with that checkpoint). A batch that commits early leaves the checkpoint behind; a later
 * one moves it on. A crash then re-reads a little more, never less.
 */
final class WriteBehind implements AutoCloseable {
    /** One batch's transaction; it calls {@code checkpoint} after writing its rows, just before committing. */
    interface Write {
        void run(Supplier<Instant> checkpoint);
    }

    private final ExecutorService writers;
    private final int parallelism;
    private final Instant floor;
    private final Deque<Future<?>> pending = new ArrayDeque<>();
    // Guarded by this: each submitted batch's watermark, which have committed, the committed prefix.
    private final List<Instant> watermarks = new ArrayList<>();
    private final BitSet committed = new BitSet();
    private int prefix = -1;

    /**
     * @param floor the checkpoint to write while no batch of the prefix has committed: where this
     *              object's read started (the epoch for a full read)
     */
    WriteBehind(String name, int parallelism, Instant floor) {
        AtomicInteger n = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.parallelism = parallelism;
        this.floor = floor;
    }

    /** Starts the batch's write once fewer than {@code parallelism} are in progress (rethrowing a failed one's error). */
    void submit(Instant watermark, Write write) {
        while (pending.size() >= parallelism) {
            awaitOldest();
        }
        int index;
        synchronized (this) {
            index = watermarks.size();
            watermarks.add(watermark);
        }
        pending.add(writers.submit(() -> {
            write.run(() -> checkpointFor(index));
            committed(index);
        }));
    }

    /** Waits until everything submitted is written; rethrows the first failure. */
    void await() {
        while (!pending.isEmpty()) {
            awaitOldest();
        }
    }

    private synchronized Instant checkpointFor(int index) {
        int j = prefix;
        while (j + 1 < watermarks.size() && (j + 1 == index || committed.get(j + 1))) {
            j++;
        }
        return j < 0 ? floor : watermarks.get(j);
    }

    /** For tests: whether batch {@code index} (0-based, in submission order) has committed. */
    synchronized boolean hasCommitted(int index) {
        return committed.get(index);
    }

    private synchronized void committed(int index) {
        committed.set(index);
        while (committed.get(prefix + 1)) {
            prefix++;
        }
    }

    private void awaitOldest() {
        Future<?> f = pending.poll();
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch was being written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Lets writes in progress finish (each is committed progress, never half a batch) before the
     * threads go; when the caller is already failing, a write's own failure is secondary.
     */
    @Override
    public void close() {
        while (!pending.isEmpty()) {
            try {
                awaitOldest();
            } catch (RuntimeException e) {
                // the caller's exception is the one that matters; these rows are re-read next run
            }
        }
        writers.shutdown();
    }
}
