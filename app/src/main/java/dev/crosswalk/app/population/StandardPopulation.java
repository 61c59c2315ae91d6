package dev.crosswalk.app.population;

import dev.crosswalk.app.population.Filter.Condition;
import dev.crosswalk.app.population.Filter.Group;
import dev.crosswalk.app.population.Filter.HasOpenOpportunity;
import dev.crosswalk.app.population.Filter.Operator;
import java.util.List;

/**
 * The three populations every organization starts with. Their filters are defaults the admin may
 * edit; the kind only marks them so they are created once.
 */
public enum StandardPopulation {
    /** Account Type "Customer", "Customer - Direct", "Customer - Channel" (Salesforce's standard picklist). */
    CUSTOMERS("Customers", Condition.of("Type", Operator.STARTS_WITH, "Customer")),
    /** Accounts with at least one synced Opportunity that is not closed. */
    OPEN_OPPORTUNITIES("Open Opportunities", Group.and(new HasOpenOpportunity())),
    /** Account Type "Prospect" (Salesforce's standard picklist value). */
    PROSPECTS("Prospects", Filter.Condition.in("Type", List.of("Prospect")));

    private final String displayName;
    private final Filter defaultFilter;

    StandardPopulation(String displayName, Filter defaultFilter) {
        this.displayName = displayName;
        this.defaultFilter = defaultFilter;
    }

    public String displayName() {
        return displayName;
    }

    public Filter defaultFilter() {
        return defaultFilter;
    }
}
