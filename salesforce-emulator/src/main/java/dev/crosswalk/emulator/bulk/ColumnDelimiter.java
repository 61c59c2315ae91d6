package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.http.ApiException;
import java.util.Locale;

/** The {@code columnDelimiter} values Bulk API 2.0 accepts, with the character each stands for. */
enum ColumnDelimiter {
    BACKQUOTE('`'),
    CARET('^'),
    COMMA(','),
    PIPE('|'),
    SEMICOLON(';'),
    TAB('\t');

    private final char character;

    ColumnDelimiter(char character) {
        this.character = character;
    }

    char character() {
        return character;
    }

    /** The delimiter named in a job request; absent means {@code COMMA}. */
    static ColumnDelimiter parse(String value) {
        if (value == null || value.isEmpty()) {
            return COMMA;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(BulkErrors.INVALID_JOB, "Invalid column delimiter: " + value);
        }
    }
}
