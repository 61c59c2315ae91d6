package dev.crosswalk.emulator.bulk;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Job-info timestamps as Salesforce writes them: {@code 2018-12-10T17:50:19.000+0000}. */
final class JobDates {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private JobDates() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
