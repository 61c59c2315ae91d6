package dev.crosswalk.salesforce;

/**
 * The org's rolling 24-hour API allocation as Salesforce reported it in the last
 * {@code Sforce-Limit-Info: api-usage=used/max} header.
 */
public record LimitInfo(long used, long max) {

    public long remaining() {
        return Math.max(0, max - used);
    }

    /** Fraction used, 0..1 (or more when Salesforce tolerates an overage). */
    public double usedFraction() {
        return max <= 0 ? 0 : (double) used / max;
    }

    @Override
    public String toString() {
        return "api-usage=" + used + "/" + max;
    }
}
