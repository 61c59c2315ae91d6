package dev.crosswalk.app.record;

import java.util.Objects;

/**
 * The match keys of one record: its registrable domain (from the website, else the email) and
 * its normalized company name, each with the reason it is (or is not) there.
 */
public record RecordKeys(KeyResult domain, KeyResult name) {
    public RecordKeys {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
    }
}
