package dev.crosswalk.salesforce;

/** One entry of {@code GET /services/data/}: {@code {"label":"Winter '25","url":"/services/data/v62.0","version":"62.0"}}. */
public record ApiVersion(String label, String url, String version) implements Comparable<ApiVersion> {

    public double number() {
        return Double.parseDouble(version);
    }

    @Override
    public int compareTo(ApiVersion o) {
        return Double.compare(number(), o.number());
    }
}
