package dev.crosswalk.app.partner;

import java.util.Set;

/** What a viewer may learn about one of a partner's populations. */
public sealed interface Visibility {
    /** Not even that it exists. */
    record Hidden() implements Visibility {
    }

    /** Its name and overlap counts. */
    record CountsOnly() implements Visibility {
    }

    /** Its name, counts and overlapping rows with exactly these fields; greenfield rows too when {@code greenfield}. */
    record Rows(Set<String> fields, boolean greenfield) implements Visibility {
        public Rows {
            fields = Set.copyOf(fields);
        }
    }

    default boolean shown() {
        return !(this instanceof Hidden);
    }

    default boolean rows() {
        return this instanceof Rows;
    }
}
