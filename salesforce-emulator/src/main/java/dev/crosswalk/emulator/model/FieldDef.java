package dev.crosswalk.emulator.model;

import java.util.List;

/**
 * One field of an sObject type. Values of a record are stored in an array indexed by
 * {@link #index()}, assigned when the field is added to its {@link SObjectType}.
 *
 * <p>Java value types: text types → {@link String}, BOOLEAN → {@link Boolean}, INT →
 * {@link Integer}, DOUBLE/CURRENCY/PERCENT → {@link Double}, DATE → {@link java.time.LocalDate},
 * DATETIME → {@link java.time.Instant}.
 *
 * @param system     set by the platform (Id, audit fields, IsDeleted): never writable by callers
 * @param permissionable field-level security applies (false for Id, Name, required and system fields)
 * @param childRelationshipName for a custom lookup, the parent's name for its children ({@code Children__r},
 *                   from the field metadata's {@code relationshipName}); {@code null} otherwise
 * @param required   must be given on create (describe: {@code nillable=false}, {@code createable=true},
 *                   {@code defaultedOnCreate=false})
 * @param createOnly set on create but never changed after ({@code CampaignMember.CampaignId}): describe says
 *                   {@code createable=true, updateable=false}; an update naming it fails with
 *                   {@code INVALID_FIELD_FOR_INSERT_UPDATE}
 */
public record FieldDef(
        String name,
        String label,
        FieldType type,
        int length,
        int precision,
        int scale,
        boolean custom,
        boolean system,
        boolean required,
        boolean nillable,
        boolean updateable,
        boolean externalId,
        boolean unique,
        boolean caseSensitive,
        boolean nameField,
        boolean permissionable,
        boolean defaultedOnCreate,
        List<String> referenceTo,
        String relationshipName,
        List<String> picklistValues,
        boolean restrictedPicklist,
        int index,
        String childRelationshipName,
        boolean createOnly) {

    public FieldDef {
        referenceTo = referenceTo == null ? List.of() : List.copyOf(referenceTo);
        picklistValues = picklistValues == null ? List.of() : List.copyOf(picklistValues);
    }

    public static Builder builder(String name, FieldType type) {
        return new Builder(name, type);
    }

    public boolean isReference() {
        return type == FieldType.REFERENCE;
    }

    /** Whether a caller may set it on create: every updateable field, and create-only ones. */
    public boolean createable() {
        return updateable || createOnly;
    }

    /** External-id lookups (upsert, Bulk upsert) accept Id, external ids and idLookup fields. */
    public boolean idLookup() {
        return type == FieldType.ID || externalId;
    }

    FieldDef withIndex(int newIndex) {
        return new FieldDef(name, label, type, length, precision, scale, custom, system, required, nillable,
                updateable, externalId, unique, caseSensitive, nameField, permissionable, defaultedOnCreate,
                referenceTo, relationshipName, picklistValues, restrictedPicklist, newIndex, childRelationshipName, createOnly);
    }

    /** Fluent builder: standard fields are one line each in {@link StandardSchema}. */
    public static final class Builder {
        private final String name;
        private final FieldType type;
        private String label;
        private int length;
        private int precision;
        private int scale;
        private boolean custom;
        private boolean system;
        private boolean required;
        private boolean updateable = true;
        private boolean externalId;
        private boolean unique;
        private boolean caseSensitive;
        private boolean nameField;
        private boolean permissionable = true;
        private boolean defaultedOnCreate;
        private List<String> referenceTo = List.of();
        private String relationshipName;
        private List<String> picklistValues = List.of();
        private boolean restrictedPicklist;
        private String childRelationshipName;
        private boolean createOnly;

        private Builder(String name, FieldType type) {
            this.name = name;
            this.type = type;
            this.custom = name.endsWith("__c");
            this.length = switch (type) {
                case ID, REFERENCE -> 18;
                case STRING, PICKLIST, URL -> 255;
                case EMAIL -> 80;
                case PHONE -> 40;
                case TEXTAREA -> 32768;
                case MULTIPICKLIST -> 4099;
                default -> 0;
            };
            if (type == FieldType.DOUBLE || type == FieldType.CURRENCY || type == FieldType.PERCENT) {
                precision = 18;
                scale = 2;
            }
            if (type == FieldType.INT) {
                precision = 9;
            }
        }

        public Builder label(String v) { label = v; return this; }
        public Builder length(int v) { length = v; return this; }
        public Builder precision(int p, int s) { precision = p; scale = s; return this; }
        public Builder custom(boolean v) { custom = v; return this; }
        /** Platform-maintained: read-only and not subject to field-level security. */
        public Builder system() { system = true; updateable = false; permissionable = false; defaultedOnCreate = true; return this; }
        public Builder required() { required = true; permissionable = false; return this; }
        public Builder readOnly() { updateable = false; createOnly = false; return this; }
        /** Createable but not updateable. */
        public Builder createOnly() { updateable = false; createOnly = true; return this; }
        public Builder externalId() { externalId = true; return this; }
        public Builder unique() { unique = true; return this; }
        public Builder caseSensitive() { caseSensitive = true; return this; }
        public Builder nameField() { nameField = true; return this; }
        public Builder notPermissionable() { permissionable = false; return this; }
        public Builder defaultedOnCreate() { defaultedOnCreate = true; return this; }
        public Builder reference(String relationship, String... targets) {
            relationshipName = relationship;
            referenceTo = List.of(targets);
            return this;
        }
        /** The child relationship name a custom lookup gives its target ({@code Children__r}). */
        public Builder childRelationship(String name) { childRelationshipName = name; return this; }
        public Builder picklist(List<String> values, boolean restricted) {
            picklistValues = values;
            restrictedPicklist = restricted;
            return this;
        }

        public FieldDef build() {
            boolean nillable = !(required || type == FieldType.ID || type == FieldType.BOOLEAN || (system && !isNillableSystemField()));
            return new FieldDef(name, label == null ? defaultLabel(name) : label, type, length, precision, scale, custom,
                    system, required, nillable, updateable && !system, externalId, unique, caseSensitive, nameField,
                    permissionable && !system && !required && type != FieldType.ID, defaultedOnCreate || type == FieldType.BOOLEAN,
                    referenceTo, relationshipName, picklistValues, restrictedPicklist, -1, childRelationshipName,
                    createOnly && !system);
        }

        private boolean isNillableSystemField() {
            return name.equals("LastActivityDate") || name.equals("LastViewedDate") || name.equals("LastReferencedDate");
        }

        private static String defaultLabel(String apiName) {
            String base = apiName.endsWith("__c") ? apiName.substring(0, apiName.length() - 3) : apiName;
            if (base.endsWith("Id") && base.length() > 2) {
                base = base.substring(0, base.length() - 2) + " ID";
            }
            return base.replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2");
        }
    }
}
