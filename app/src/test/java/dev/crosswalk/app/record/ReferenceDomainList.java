package dev.crosswalk.app.record;

import com.google.common.net.InternetDomainName;
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
final class ReferenceDomainList {
    private final Set<String> exact;
    private final Set<String> anySuffix;

    private ReferenceDomainList(Set<String> exact, Set<String> anySuffix) {
        this.exact = Set.copyOf(exact);
        this.anySuffix = Set.copyOf(anySuffix);
    }

    static ReferenceDomainList load(String resource) {
        try (InputStream in = ReferenceDomainList.class.getResourceAsStream(resource)) {
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
            return new ReferenceDomainList(exact, anySuffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a registrable domain (as {@link ReferenceDomainKeys} produces it) is on the list. */
    boolean contains(InternetDomainName registrable) {
        String name = registrable.toString();
        if (exact.contains(name)) {
            return true;
        }
        if (anySuffix.isEmpty() || !registrable.hasPublicSuffix()) {
            return false;
        }
        String suffix = registrable.publicSuffix().toString();
        String label = name.substring(0, name.length() - suffix.length() - 1);
        return anySuffix.contains(label);
    }

    int size() {
        return exact.size() + anySuffix.size();
    }
}
