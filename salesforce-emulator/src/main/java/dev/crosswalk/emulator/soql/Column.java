package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.SObjectType;
import java.util.ArrayList;
import java.util.List;

/**
 * One item of the SELECT list, in SELECT order, with names in the schema's API casing.
 *
 * <ul>
 *   <li>A field of the queried object: {@code relationshipPath} empty, {@code header} = {@code Name}.</li>
 *   <li>A parent field: {@code relationshipPath} = {@code [Owner]}, {@code field} = User.Name,
 *       {@code objectType} = User, {@code header} = {@code Owner.Name} (the Bulk CSV header).
 *       For a polymorphic lookup {@code objectType} is the first target type that has the field.</li>
 *   <li>An aggregate ({@code COUNT(Id)}, {@code MAX(Amount)}…): {@link #isAggregate()}, {@code header} = the
 *       alias ({@code expr0}, {@code expr1}… or the one given), {@code field} a synthetic field whose type is
 *       the result's (INT for COUNT, DOUBLE for AVG…), {@code objectType} {@code null}.</li>
 *   <li>A grouped field in an aggregate query: not {@link #isAggregate()}, {@code header} = the leaf field's
 *       name ({@code Owner.Name} → {@code Name}, as Salesforce keys AggregateResult), {@code relationshipPath}
 *       empty, {@code field} a synthetic field of the leaf's type.</li>
 * </ul>
 *
 * Identity matters: pass the instances from {@link PreparedQuery#columns()} back to
 * {@link PreparedQuery#value}.
 */
public final class Column {
    private final String header;
    private final List<String> relationshipPath;
    private final FieldDef field;
    private final SObjectType objectType;
    private final boolean aggregate;
    final ValueAccessor accessor;

    Column(String header, List<String> relationshipPath, FieldDef field, SObjectType objectType, boolean aggregate,
            ValueAccessor accessor) {
        this.header = header;
        this.relationshipPath = List.copyOf(relationshipPath);
        this.field = field;
        this.objectType = objectType;
        this.aggregate = aggregate;
        this.accessor = accessor;
    }

    /** {@code Name}, {@code Owner.Name}, {@code expr0}: the JSON key path / CSV header. */
    public String header() {
        return header;
    }

    /** Relationship names from the queried object to the leaf, e.g. {@code [CreatedBy, Profile]}. */
    public List<String> relationshipPath() {
        return relationshipPath;
    }

    /** The leaf field (API casing in {@code field().name()}). */
    public FieldDef field() {
        return field;
    }

    /** The type that owns {@link #field()}; {@code null} for aggregates. */
    public SObjectType objectType() {
        return objectType;
    }

    public boolean isAggregate() {
        return aggregate;
    }

    /** Relationship names followed by the field name, e.g. {@code [Owner, Name]}. */
    public List<String> path() {
        List<String> p = new ArrayList<>(relationshipPath);
        p.add(field.name());
        return p;
    }

    @Override
    public String toString() {
        return header;
    }
}
