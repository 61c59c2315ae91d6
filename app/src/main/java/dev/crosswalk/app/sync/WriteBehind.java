package dev.crosswalk.app.sync;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one object's batch writes on a background thread while the sync reads the next batch
 * from Salesforce, so downloading and parsing overlap with PostgreSQL's work instead of waiting
 * for it. One write at a time, in order (each batch still commits with its own checkpoint), and
 * at most one more batch filling meanwhile: memory stays at about two batches whatever the org's size.
 */
final class WriteBehind implements AutoCloseable {
    private final ExecutorService writer;
    private Future<?> pending;

    WriteBehind(String name) {
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Waits for the previous write (rethrowing its failure), then starts this one. */
    void submit(Runnable write) {
        await();
        pending = writer.submit(write);
    }

    /** Waits until everything submitted is written; rethrows a write's failure. */
    void await() {
        Future<?> f = pending;
        pending = null;
        if (f == null) {
            return;
        }
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
     * Lets a write in progress finish (it is committed progress, never half a batch) before the
     * thread goes; when the caller is already failing, the write's own failure is secondary.
     */
    @Override
    public void close() {
        try {
            await();
        } catch (RuntimeException e) {
            // the caller's exception is the one that matters; this batch's rows are re-read next run
        } finally {
            writer.shutdown();
        }
    }
}
