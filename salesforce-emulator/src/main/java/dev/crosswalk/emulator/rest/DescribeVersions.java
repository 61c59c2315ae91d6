package dev.crosswalk.emulator.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers "has this describe result changed since T?" for {@code If-Modified-Since}. The org keeps
 * no schema timestamps, and describe results also change with the caller's permissions, so each
 * result (per org, user and URL) is fingerprinted and the time its current content was first
 * served is remembered. A change nobody asked about in between is dated to the first request
 * that saw it: that can only turn a 304 into a 200, never hide a change.
 */
final class DescribeVersions {
    private record Seen(byte[] digest, Instant since) {
    }

    private final Clock clock;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    DescribeVersions(Clock clock) {
        this.clock = clock;
    }

    /** Records {@code body} as the current content of {@code key}; true when it is unchanged since {@code ifModifiedSince}. */
    boolean unchangedSince(String key, byte[] body, String ifModifiedSince) {
        byte[] digest = sha256(body);
        Seen current = seen.compute(key, (k, prev) ->
                prev != null && Arrays.equals(prev.digest, digest) ? prev : new Seen(digest, clock.instant()));
        if (ifModifiedSince == null || ifModifiedSince.isBlank()) {
            return false;
        }
        Instant since;
        try {
            since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // An unparsable date is ignored, as HTTP servers do.
            return false;
        }
        // HTTP dates have second precision: content first seen within the given second counts as unchanged.
        return current.since.getEpochSecond() <= since.getEpochSecond();
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
