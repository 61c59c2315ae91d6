package dev.crosswalk.app.sync;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code SystemModstamp} between Salesforce's text and {@link Instant}, once per synced row each way.
 * {@link Instant#parse} and {@link Instant#toString} go through {@code DateTimeFormatter} (a parsed-field
 * map per call); on a million-row sync that was a second of CPU on the thread that reads the download.
 * Salesforce writes one shape, {@code 2026-12-07T18:15:48.970Z}: that shape is read and written directly,
 * anything else goes the general way.
 */
final class Modstamps {
    private static final int LENGTH = "2026-12-07T18:15:48.970Z".length();
    /** 10000-01-01T00:00:00Z: four-digit years only. */
    private static final long MAX_SECONDS = 253_402_300_800L;

    private Modstamps() {
    }

    static Instant parse(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = digits(text, 20, 3);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || millis < 0 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return Instant.parse(text); // the general parser says what is wrong
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
    }

    /** Appends {@code t} as Salesforce writes it (what PostgreSQL reads as a timestamptz). */
    static void append(StringBuilder sb, Instant t) {
        long s = t.getEpochSecond();
        if (t.getNano() % 1_000_000 != 0 || s < 0 || s >= MAX_SECONDS) {
            sb.append(t);
            return;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(s, 86_400));
        int secondOfDay = (int) Math.floorMod(s, 86_400);
        pad(sb, date.getYear(), 4).append('-');
        pad(sb, date.getMonthValue(), 2).append('-');
        pad(sb, date.getDayOfMonth(), 2).append('T');
        pad(sb, secondOfDay / 3_600, 2).append(':');
        pad(sb, secondOfDay / 60 % 60, 2).append(':');
        pad(sb, secondOfDay % 60, 2).append('.');
        pad(sb, t.getNano() / 1_000_000, 3).append('Z');
    }

    /** The number in text[from, from + n), or -1 if a character is not a digit. */
    private static int digits(String text, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        for (int d = width - 1, p = (int) Math.pow(10, d); d >= 0; d--, p /= 10) {
            sb.append((char) ('0' + v / p % 10));
        }
        return sb;
    }
}
