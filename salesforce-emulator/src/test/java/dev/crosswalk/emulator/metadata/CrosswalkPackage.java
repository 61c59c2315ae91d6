package dev.crosswalk.emulator.metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Crosswalk's real Salesforce package (../salesforce-package, copied to the classpath by the build). */
public final class CrosswalkPackage {
    private CrosswalkPackage() {
    }

    public static Path path() {
        try {
            return Path.of(CrosswalkPackage.class.getResource("/crosswalk-package").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of the package under {@code dir}, for tests that break one file. */
    public static Path copyTo(Path dir) {
        Path root = path();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = dir.resolve(root.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
