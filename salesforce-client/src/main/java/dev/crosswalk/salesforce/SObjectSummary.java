package dev.crosswalk.salesforce;

/** One object of describeGlobal, as visible to the connected user. */
public record SObjectSummary(String name, String label, String keyPrefix, boolean custom, boolean queryable,
                             boolean createable, boolean updateable, boolean deletable) {
}
