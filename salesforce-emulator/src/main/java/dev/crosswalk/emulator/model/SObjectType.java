package dev.crosswalk.emulator.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An sObject type of one org: standard (Account…), setup (User, PermissionSet…) or custom
 * ({@code X__c}, installed from SFDX metadata). Fields can be added after creation (a package
 * adds custom fields); lookups are case-insensitive like SOQL.
 */
public final class SObjectType {

    /** How the type's object-level access is decided. */
    public enum AccessModel {
        /** Governed by ObjectPermissions (Account, Lead, custom objects…). */
        CRUD,
        /** Setup objects: readable with View Setup and Configuration, never written through the data API. */
        SETUP,
        /** User and Organization: readable by every API user, like in Salesforce. */
        ALWAYS_READABLE
    }

    private final String name;
    private final String label;
    private final String labelPlural;
    private final String keyPrefix;
    private final boolean custom;
    private final AccessModel accessModel;
    private volatile List<FieldDef> fields = List.of();
    private volatile Map<String, FieldDef> byLowerName = Map.of();
    private volatile String autoNumberFormat;
    private final java.util.concurrent.atomic.AtomicLong autoNumber = new java.util.concurrent.atomic.AtomicLong();

    public SObjectType(String name, String label, String labelPlural, String keyPrefix, AccessModel accessModel) {
        this.name = name;
        this.label = label;
        this.labelPlural = labelPlural;
        this.keyPrefix = keyPrefix;
        this.custom = name.endsWith("__c");
        this.accessModel = accessModel;
    }

    public String name() { return name; }
    public String label() { return label; }
    public String labelPlural() { return labelPlural; }
    public String keyPrefix() { return keyPrefix; }
    public boolean custom() { return custom; }
    public AccessModel accessModel() { return accessModel; }

    /**
     * Makes the name field an auto-number like {@code INV-{00000}}: the platform fills it on
     * create and callers cannot write it.
     */
    public void autoNumberFormat(String displayFormat) {
        autoNumberFormat = displayFormat;
    }

    public String autoNumberFormat() {
        return autoNumberFormat;
    }

    public long autoNumberCounter() {
        return autoNumber.get();
    }

    public void autoNumberCounter(long value) {
        autoNumber.set(value);
    }

    /** The next auto-number value, e.g. {@code INV-00042} for {@code INV-{00000}}. */
    public String nextAutoNumber() {
        long n = autoNumber.incrementAndGet();
        String format = autoNumberFormat;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(0+)\\}").matcher(format);
        if (!m.find()) {
            return format + n;
        }
        String digits = String.format("%0" + m.group(1).length() + "d", n);
        return format.substring(0, m.start()) + digits + format.substring(m.end());
    }

    /** Adds a field (or replaces one of the same name, keeping its index) and returns the stored definition. */
    public synchronized FieldDef addField(FieldDef field) {
        String key = field.name().toLowerCase(Locale.ROOT);
        FieldDef existing = byLowerName.get(key);
        List<FieldDef> newFields = new ArrayList<>(fields);
        FieldDef stored;
        if (existing != null) {
            stored = field.withIndex(existing.index());
            newFields.set(existing.index(), stored);
        } else {
            stored = field.withIndex(fields.size());
            newFields.add(stored);
        }
        Map<String, FieldDef> newIndex = new LinkedHashMap<>(byLowerName);
        newIndex.put(key, stored);
        fields = Collections.unmodifiableList(newFields);
        byLowerName = Collections.unmodifiableMap(newIndex);
        return stored;
    }

    public List<FieldDef> fields() {
        return fields;
    }

    public Optional<FieldDef> field(String fieldName) {
        return Optional.ofNullable(byLowerName.get(fieldName.toLowerCase(Locale.ROOT)));
    }

    /** The field or an {@link IllegalArgumentException}: for code paths where the field is known to exist. */
    public FieldDef require(String fieldName) {
        return field(fieldName).orElseThrow(() -> new IllegalArgumentException("No field " + fieldName + " on " + name));
    }

    /** The lookup field whose relationship name is {@code relationshipName} (e.g. Owner → OwnerId). */
    public Optional<FieldDef> relationship(String relationshipName) {
        for (FieldDef f : fields) {
            if (f.relationshipName() != null && f.relationshipName().equalsIgnoreCase(relationshipName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public Optional<FieldDef> nameField() {
        return fields.stream().filter(FieldDef::nameField).findFirst();
    }

    @Override
    public String toString() {
        return name;
    }
}
