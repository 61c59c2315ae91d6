package dev.crosswalk.emulator.metadata;

import dev.crosswalk.emulator.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The files of an SFDX project or source folder, by path relative to the project root with
 * {@code /} separators — read from disk, or handed over in memory (a classpath copy of the
 * package, a test's edited copy).
 */
public record SourceFiles(SortedMap<String, byte[]> files) {

    public SourceFiles {
        files = new TreeMap<>(files);
    }

    /**
     * Reads a project folder (the package directories its {@code sfdx-project.json} lists, or
     * every file of a bare source folder such as {@code force-app}).
     */
    public static SourceFiles read(Path root) {
        if (!Files.isDirectory(root)) {
            throw new MetadataException(root.toString(), null, "is not a directory");
        }
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (Path dir : packageDirectories(root)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    out.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SourceFiles(out);
    }

    private static List<Path> packageDirectories(Path root) {
        Path project = root.resolve("sfdx-project.json");
        if (!Files.exists(project)) {
            return List.of(root);
        }
        JsonNode json;
        try {
            json = Json.parse(Files.readAllBytes(project));
        } catch (IOException e) {
            throw new MetadataException("sfdx-project.json", null, "cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new MetadataException("sfdx-project.json", null, "is not valid JSON: " + e.getMessage());
        }
        JsonNode dirs = json.get("packageDirectories");
        if (dirs == null || !dirs.isArray() || dirs.isEmpty()) {
            throw new MetadataException("sfdx-project.json", "packageDirectories", "must list at least one package directory");
        }
        List<Path> out = new ArrayList<>();
        for (JsonNode d : dirs) {
            JsonNode path = d.get("path");
            if (path == null || path.asString().isBlank()) {
                throw new MetadataException("sfdx-project.json", "packageDirectories.path", "is required");
            }
            Path p = root.resolve(path.asString()).normalize();
            if (!p.startsWith(root.normalize()) || !Files.isDirectory(p)) {
                throw new MetadataException("sfdx-project.json", "packageDirectories.path",
                        "'" + path.asString() + "' is not a folder inside the project");
            }
            out.add(p);
        }
        return out;
    }
}
