package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.http.ApiException;
import java.util.Locale;

/** The {@code lineEnding} values Bulk API 2.0 accepts. */
enum LineEnding {
    LF("\n"),
    CRLF("\r\n");

    private final String separator;

    LineEnding(String separator) {
        this.separator = separator;
    }

    String separator() {
        return separator;
    }

    /** The line ending named in a job request; absent means {@code LF}. */
    static LineEnding parse(String value) {
        if (value == null || value.isEmpty()) {
            return LF;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(BulkErrors.INVALID_JOB, "Invalid line ending: " + value);
        }
    }
}
