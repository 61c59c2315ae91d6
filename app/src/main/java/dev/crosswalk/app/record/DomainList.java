package dev.crosswalk.app.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A list of registrable domains kept as a resource file, one per line, {@code #} comments.
 * An entry {@code hotmail.*} matches that name under any public suffix (hotmail.com,
 * hotmail.co.uk, hotmail.fr), because the big providers register their name in many countries.
 */
final class DomainList {
    private final Set<String> exact;
    private final Set<String> anySuffix;

    private DomainList(Set<String> exact, Set<String> anySuffix) {
        this.exact = Set.copyOf(exact);
        this.anySuffix = Set.copyOf(anySuffix);
    }

    static DomainList load(String resource) {
        try (InputStream in = DomainList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Set<String> exact = new HashSet<>();
            Set<String> anySuffix = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                int hash = line.indexOf('#');
                String entry = (hash >= 0 ? line.substring(0, hash) : line).trim().toLowerCase(Locale.ROOT);
                if (entry.isEmpty()) {
                    continue;
                }
                if (entry.endsWith(".*")) {
                    anySuffix.add(entry.substring(0, entry.length() - 2));
                } else {
                    exact.add(entry);
                }
            }
            return new DomainList(exact, anySuffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a registrable domain (as {@link DomainKeys} produces it: one label, a dot, its public
     * suffix) is on the list. Its label is what precedes the first dot, so no suffix lookup is needed.
     */
    boolean contains(String registrable) {
        if (exact.contains(registrable)) {
            return true;
        }
        int dot = registrable.indexOf('.');
        return !anySuffix.isEmpty() && dot > 0 && anySuffix.contains(registrable.substring(0, dot));
    }

    int size() {
        return exact.size() + anySuffix.size();
    }
}
