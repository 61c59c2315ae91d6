package dev.crosswalk.emulator.persist;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps an emulator's state in {@code <data-dir>/emulator-state.json.gz}: loaded at start,
 * saved every minute and on shutdown.
 */
public final class StatePersistence implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StatePersistence.class.getName());
    public static final String FILE_NAME = "emulator-state.json.gz";

    private final EmulatorState state;
    private final Path file;
    private final ScheduledExecutorService saver;

    private StatePersistence(EmulatorState state, Path file, Duration interval) {
        this.state = state;
        this.file = file;
        this.saver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sf-emulator-state-saver");
            t.setDaemon(true);
            return t;
        });
        saver.scheduleWithFixedDelay(this::saveQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The saved state of a data directory, if it holds one; a damaged file is a {@link StateFileException}. */
    public static Optional<EmulatorState> load(EmulatorOptions options) {
        Path file = options.dataDir().resolve(FILE_NAME);
        return Files.exists(file) ? Optional.of(StateFile.load(options, file)) : Optional.empty();
    }

    public static StatePersistence keep(EmulatorState state, Path dataDir) {
        return new StatePersistence(state, dataDir.resolve(FILE_NAME), Duration.ofMinutes(1));
    }

    public void save() throws IOException {
        synchronized (this) {
            StateFile.save(state, file);
        }
    }

    private void saveQuietly() {
        try {
            save();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not save emulator state to " + file, e);
        }
    }

    @Override
    public void close() {
        saver.shutdownNow();
        saveQuietly();
    }
}
