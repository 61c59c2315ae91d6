package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.model.Org;

/** Compiles a job's SOQL for a user; throws an {@code ApiException} (HTTP 400) for a query Salesforce refuses. */
@FunctionalInterface
interface QueryPlanner {
    QueryPlan plan(Org org, String userId, String soql, boolean includeDeleted);
}
