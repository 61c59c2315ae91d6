package dev.crosswalk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WriteBehindTest {
    private static final Instant FLOOR = Instant.parse("2026-01-01T00:00:00Z");

    private static Instant wm(int i) {
        return FLOOR.plusSeconds(60L * (i + 1));
    }

    @Test
    void a_batch_that_commits_before_an_earlier_one_leaves_the_checkpoint_behind_and_the_earlier_one_moves_it_past_both() {
        Map<Integer, Instant> seen = new ConcurrentHashMap<>();
        CountDownLatch secondCommitted = new CountDownLatch(1);
        try (WriteBehind writes = new WriteBehind("test", 2, FLOOR)) {
            writes.submit(wm(0), checkpoint -> {
                await(secondCommitted);
                seen.put(0, checkpoint.get());
            });
            writes.submit(wm(1), checkpoint -> {
                seen.put(1, checkpoint.get());
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!writes.hasCommitted(1) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(writes.hasCommitted(1)).isTrue();
            secondCommitted.countDown();
            writes.await();
            writes.submit(wm(2), checkpoint -> seen.put(2, checkpoint.get()));
            writes.await();
        }
        assertThat(seen.get(1)).as("batch 0 is not committed yet: nothing may be skipped").isEqualTo(FLOOR);
        assertThat(seen.get(0)).as("batches 0 and 1 are both committed with batch 0").isEqualTo(wm(1));
        assertThat(seen.get(2)).isEqualTo(wm(2));
    }

    @Test
    void in_order_commits_checkpoint_each_batch_and_a_failed_write_is_rethrown_to_the_reader() {
        Map<Integer, Instant> seen = new ConcurrentHashMap<>();
        try (WriteBehind writes = new WriteBehind("test", 1, FLOOR)) {
            for (int i = 0; i < 3; i++) {
                int index = i;
                writes.submit(wm(i), checkpoint -> seen.put(index, checkpoint.get()));
            }
            writes.await();
            writes.submit(wm(3), checkpoint -> {
                throw new IllegalStateException("database gone");
            });
            assertThatThrownBy(writes::await).hasMessage("database gone");
        }
        assertThat(seen).containsEntry(0, wm(0)).containsEntry(1, wm(1)).containsEntry(2, wm(2));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
