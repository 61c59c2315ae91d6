package dev.crosswalk.app.population;

import java.util.List;

/**
 * A synced field as the filter builder offers it: its kind (inferred from the synced values, so
 * the builder needs no live describe call to Salesforce) and, for a picklist, the values seen.
 */
public record FieldProfile(String name, Kind kind, List<String> values) {
    /** At most this many distinct values make a field a picklist (Type, Industry, Status…). */
    public static final int PICKLIST_MAX = 25;

    public enum Kind {
        TEXT, NUMBER, PICKLIST;

        /** The operators that make sense for values of this kind, in the order the builder lists them. */
        public List<Filter.Operator> operators() {
            return switch (this) {
                case NUMBER -> List.of(Filter.Operator.EQUALS, Filter.Operator.NOT_EQUALS, Filter.Operator.GREATER_THAN,
                        Filter.Operator.LESS_THAN, Filter.Operator.IS_BLANK, Filter.Operator.IS_NOT_BLANK);
                case PICKLIST -> List.of(Filter.Operator.IN, Filter.Operator.NOT_IN, Filter.Operator.EQUALS,
                        Filter.Operator.NOT_EQUALS, Filter.Operator.STARTS_WITH, Filter.Operator.IS_BLANK, Filter.Operator.IS_NOT_BLANK);
                case TEXT -> List.of(Filter.Operator.CONTAINS, Filter.Operator.EQUALS, Filter.Operator.NOT_EQUALS,
                        Filter.Operator.STARTS_WITH, Filter.Operator.IN, Filter.Operator.NOT_IN, Filter.Operator.IS_BLANK,
                        Filter.Operator.IS_NOT_BLANK);
            };
        }
    }
}
