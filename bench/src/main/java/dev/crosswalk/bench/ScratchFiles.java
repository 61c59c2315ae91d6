package dev.crosswalk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deletes a benchmark's scratch directory (an embedded PostgreSQL, CSV pages) when the run is done: at 1,000,000
 * records each run leaves gigabytes, and repeated runs filled the disk. Plain JDK, because some benchmarks run on the
 * emulator's classpath without Spring.
 */
final class ScratchFiles {

    private ScratchFiles() {
    }

    static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            // Children before their directories.
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
