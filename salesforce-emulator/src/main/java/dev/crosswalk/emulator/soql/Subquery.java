package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Record;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A parent-to-child subquery of the SELECT list, {@code (SELECT Id, Name FROM Contacts LIMIT 2)}: its
 * rows are the child records whose lookup points at the parent row, rendered under the relationship
 * name as a nested {@code {totalSize, done, records}} (or {@code null} when there are none).
 */
public final class Subquery {
    private final String relationshipName;
    private final int position;
    private final CompiledQuery query;
    private final Function<Set<String>, Map<String, List<Record>>> children;

    Subquery(String relationshipName, int position, FieldDef lookup, CompiledQuery query) {
        this(relationshipName, position, query, parentIds -> query.childrenOf(lookup, parentIds));
    }

    /** A subquery whose rows come from elsewhere than a lookup of the child store (activity views). */
    Subquery(String relationshipName, int position, CompiledQuery query,
            Function<Set<String>, Map<String, List<Record>>> children) {
        this.relationshipName = relationshipName;
        this.position = position;
        this.query = query;
        this.children = children;
    }

    /** The relationship name in schema casing ({@code Contacts}, {@code Children__r}): the JSON key. */
    public String relationshipName() {
        return relationshipName;
    }

    /** How many plain columns precede it in the SELECT list, so it renders in SELECT order. */
    public int position() {
        return position;
    }

    /** The child query: its {@link PreparedQuery#type()} and {@link PreparedQuery#columns()} render the rows. */
    public PreparedQuery query() {
        return query;
    }

    /**
     * The child rows of each of {@code parentIds} (18-character ids), filtered, ordered and windowed
     * (LIMIT, OFFSET) per parent as Salesforce does; parents without children are absent. One scan of
     * the child store for all the parents of a page. Caller holds the org's read lock.
     */
    public Map<String, List<Record>> children(Set<String> parentIds) {
        return children.apply(parentIds);
    }
}
