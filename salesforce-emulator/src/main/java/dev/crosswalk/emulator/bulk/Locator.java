package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Result-set locators of query jobs: the base64 of the row offset where the page starts
 * ({@code MTAwMDA} is row 10000, the shape Salesforce's own locators have). A job's rows never
 * change after it completes, so a locator can be used again to fetch the same page.
 */
final class Locator {
    /** What Salesforce sends in {@code Sforce-Locator} when there are no more pages. */
    static final String END = "null";

    private Locator() {
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(offset).getBytes(StandardCharsets.US_ASCII));
    }

    /** The offset of a locator given by a client; absent means the first page. */
    static int decode(String locator, int total) {
        if (locator == null || locator.isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(locator), StandardCharsets.US_ASCII));
            if (offset >= 0 && offset <= total) {
                return offset;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below (also covers NumberFormatException)
        }
        throw ApiException.badRequest("INVALID_LOCATOR", "Invalid locator: " + locator);
    }
}
