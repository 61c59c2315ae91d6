package dev.crosswalk.emulator.soql;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * Relative date literals ({@code TODAY}, {@code LAST_N_DAYS:30}…) as half-open day ranges
 * {@code [start, endExclusive)}. Salesforce evaluates them in the user's time zone and locale; the
 * emulator uses UTC and weeks starting on Sunday (the en_US default), from the org's clock.
 *
 * <p>Range conventions follow the SOQL reference: {@code LAST_N_DAYS:n} and {@code LAST_90_DAYS}
 * include today and the n days before it; {@code NEXT_N_DAYS:n} starts tomorrow; {@code N_DAYS_AGO:n}
 * is the single day n days ago; LAST_N_WEEKS/MONTHS/QUARTERS/YEARS:n are the n whole periods before
 * the current one, NEXT_N_…:n the n whole periods after it.
 */
final class RelativeDates {

    /** A day range; {@code endExclusive} is the first day after the range. */
    record Range(LocalDate start, LocalDate endExclusive) {
    }

    private static final Set<String> FIXED = Set.of("YESTERDAY", "TODAY", "TOMORROW", "LAST_WEEK", "THIS_WEEK",
            "NEXT_WEEK", "LAST_MONTH", "THIS_MONTH", "NEXT_MONTH", "LAST_90_DAYS", "NEXT_90_DAYS", "THIS_QUARTER",
            "LAST_QUARTER", "NEXT_QUARTER", "THIS_YEAR", "LAST_YEAR", "NEXT_YEAR");
    private static final Set<String> WITH_N = Set.of("LAST_N_DAYS", "NEXT_N_DAYS", "N_DAYS_AGO", "LAST_N_WEEKS",
            "NEXT_N_WEEKS", "N_WEEKS_AGO", "LAST_N_MONTHS", "NEXT_N_MONTHS", "N_MONTHS_AGO", "LAST_N_QUARTERS",
            "NEXT_N_QUARTERS", "N_QUARTERS_AGO", "LAST_N_YEARS", "NEXT_N_YEARS", "N_YEARS_AGO");

    private RelativeDates() {
    }

    static boolean isKnown(String upperName) {
        return FIXED.contains(upperName) || WITH_N.contains(upperName);
    }

    static boolean takesN(String upperName) {
        return WITH_N.contains(upperName);
    }

    static Range range(String name, int n, LocalDate today) {
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        LocalDate month = today.withDayOfMonth(1);
        LocalDate quarter = month.withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        LocalDate year = today.withDayOfYear(1);
        return switch (name) {
            case "YESTERDAY" -> days(today.minusDays(1), 1);
            case "TODAY" -> days(today, 1);
            case "TOMORROW" -> days(today.plusDays(1), 1);
            case "LAST_WEEK" -> days(week.minusWeeks(1), 7);
            case "THIS_WEEK" -> days(week, 7);
            case "NEXT_WEEK" -> days(week.plusWeeks(1), 7);
            case "LAST_MONTH" -> new Range(month.minusMonths(1), month);
            case "THIS_MONTH" -> new Range(month, month.plusMonths(1));
            case "NEXT_MONTH" -> new Range(month.plusMonths(1), month.plusMonths(2));
            case "LAST_90_DAYS" -> new Range(today.minusDays(90), today.plusDays(1));
            case "NEXT_90_DAYS" -> days(today.plusDays(1), 90);
            case "LAST_QUARTER" -> new Range(quarter.minusMonths(3), quarter);
            case "THIS_QUARTER" -> new Range(quarter, quarter.plusMonths(3));
            case "NEXT_QUARTER" -> new Range(quarter.plusMonths(3), quarter.plusMonths(6));
            case "LAST_YEAR" -> new Range(year.minusYears(1), year);
            case "THIS_YEAR" -> new Range(year, year.plusYears(1));
            case "NEXT_YEAR" -> new Range(year.plusYears(1), year.plusYears(2));
            case "LAST_N_DAYS" -> new Range(today.minusDays(n), today.plusDays(1));
            case "NEXT_N_DAYS" -> days(today.plusDays(1), n);
            case "N_DAYS_AGO" -> days(today.minusDays(n), 1);
            case "LAST_N_WEEKS" -> new Range(week.minusWeeks(n), week);
            case "NEXT_N_WEEKS" -> new Range(week.plusWeeks(1), week.plusWeeks(1L + n));
            case "N_WEEKS_AGO" -> days(week.minusWeeks(n), 7);
            case "LAST_N_MONTHS" -> new Range(month.minusMonths(n), month);
            case "NEXT_N_MONTHS" -> new Range(month.plusMonths(1), month.plusMonths(1L + n));
            case "N_MONTHS_AGO" -> new Range(month.minusMonths(n), month.minusMonths(n).plusMonths(1));
            case "LAST_N_QUARTERS" -> new Range(quarter.minusMonths(3L * n), quarter);
            case "NEXT_N_QUARTERS" -> new Range(quarter.plusMonths(3), quarter.plusMonths(3L * (n + 1)));
            case "N_QUARTERS_AGO" -> new Range(quarter.minusMonths(3L * n), quarter.minusMonths(3L * n).plusMonths(3));
            case "LAST_N_YEARS" -> new Range(year.minusYears(n), year);
            case "NEXT_N_YEARS" -> new Range(year.plusYears(1), year.plusYears(1L + n));
            case "N_YEARS_AGO" -> new Range(year.minusYears(n), year.minusYears(n).plusYears(1));
            default -> throw new IllegalArgumentException("unknown relative date literal " + name);
        };
    }

    private static Range days(LocalDate start, long count) {
        return new Range(start, start.plusDays(count));
    }
}
