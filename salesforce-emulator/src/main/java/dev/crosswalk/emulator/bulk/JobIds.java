package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.model.Ids;
import java.util.concurrent.atomic.AtomicLong;

/** Job ids with Salesforce's {@code 750} key prefix, unique across the emulator's orgs. */
final class JobIds {
    private final AtomicLong sequence = new AtomicLong(1);

    String next() {
        return Ids.to18(Ids.id15("750", sequence.getAndIncrement()));
    }
}
