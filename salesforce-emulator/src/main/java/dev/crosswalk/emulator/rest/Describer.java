package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.model.ChildRelationships;
import dev.crosswalk.emulator.model.CompoundFields;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.SObjectType.AccessModel;
import dev.crosswalk.emulator.security.EffectiveAccess;
import dev.crosswalk.emulator.security.ObjectAccess;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds describe results as the running user sees them: object flags from the user's object
 * permissions, fields filtered by field-level security with {@code createable}/{@code updateable}
 * reflecting edit access. Pure function of the schema and an {@link EffectiveAccess}.
 */
final class Describer {
    /** The id of every org's master record type. */
    static final String MASTER_RECORD_TYPE_ID = "012000000000000AAA";

    private static final Set<String> MERGEABLE = Set.of("Account", "Contact", "Lead");
    private static final Set<String> FEED_ENABLED = Set.of("Account", "Contact", "Lead", "Opportunity", "User");

    /** Child relationship names of the standard schema, keyed by {@code ChildObject.LookupField}. */

    private final Org org;
    private final EffectiveAccess access;
    private final String version;
    private final String baseUrl;

    /**
     * @param version e.g. {@code 59.0}
     * @param baseUrl the instance URL, for the absolute {@code ui*} templates
     */
    Describer(Org org, EffectiveAccess access, String version, String baseUrl) {
        this.org = org;
        this.access = access;
        this.version = version;
        this.baseUrl = baseUrl;
    }

    /** {@code GET /sobjects}: every object the user can read. */
    ObjectNode global() {
        ObjectNode n = Json.object();
        n.put("encoding", "UTF-8");
        n.put("maxBatchSize", 200);
        ArrayNode list = n.putArray("sobjects");
        org.types().stream()
                .filter(access::canRead)
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .forEach(t -> list.add(entry(t, false)));
        return n;
    }

    /** {@code GET /sobjects/{type}}: the global entry plus recent items (none: the emulator has no UI). */
    ObjectNode basicInfo(SObjectType type) {
        ObjectNode n = Json.object();
        n.set("objectDescribe", entry(type, false));
        n.putArray("recentItems");
        return n;
    }

    /** {@code GET /sobjects/{type}/describe}. */
    ObjectNode describe(SObjectType type) {
        ObjectNode n = entry(type, true);
        ObjectNode urls = (ObjectNode) n.remove("urls");
        n.putArray("actionOverrides");
        n.set("childRelationships", childRelationships(type));
        n.put("compactLayoutable", type.accessModel() == AccessModel.CRUD);
        n.putNull("defaultImplementation");
        n.putNull("extendedBy");
        n.putNull("extendsInterfaces");
        ArrayNode fields = n.putArray("fields");
        for (FieldDef f : type.fields()) {
            if (access.canReadField(type, f)) {
                fields.add(field(type, f));
            }
        }
        n.putNull("implementedBy");
        n.putNull("implementsInterfaces");
        n.putNull("listviewable");
        n.putNull("lookupLayoutable");
        n.putArray("namedLayoutInfos");
        n.putNull("networkScopeFieldName");
        n.set("recordTypeInfos", recordTypeInfos(type));
        n.put("searchLayoutable", type.accessModel() == AccessModel.CRUD);
        n.put("sobjectDescribeOption", "FULL");
        n.set("supportedScopes", supportedScopes(type));
        n.set("urls", urls);
        return n;
    }

    /** The per-object flags shared by describeGlobal, basic info and describe, keys in alphabetical order. */
    private ObjectNode entry(SObjectType t, boolean full) {
        ObjectAccess a = access.object(t);
        boolean data = t.accessModel() == AccessModel.CRUD;
        ObjectNode n = Json.object();
        n.put("activateable", false);
        n.putNull("associateEntityType");
        n.putNull("associateParentEntity");
        n.put("createable", a.create());
        n.put("custom", t.custom());
        n.put("customSetting", false);
        n.put("dataTranslationEnabled", false);
        n.put("deepCloneable", false);
        n.put("deletable", a.delete());
        n.put("deprecatedAndHidden", false);
        n.put("feedEnabled", FEED_ENABLED.contains(t.name()));
        n.put("hasSubtypes", false);
        n.put("isInterface", false);
        n.put("isSubtype", false);
        n.put("keyPrefix", t.keyPrefix());
        n.put("label", t.label());
        n.put("labelPlural", t.labelPlural());
        n.put("layoutable", data);
        n.put("mergeable", MERGEABLE.contains(t.name()) && a.edit() && a.delete());
        n.put("mruEnabled", data);
        n.put("name", t.name());
        n.put("queryable", a.read());
        n.put("replicateable", a.read());
        n.put("retrieveable", a.read());
        n.put("searchable", data);
        n.put("triggerable", data);
        n.put("undeletable", a.delete() && data);
        n.put("updateable", a.edit());
        n.set("urls", full ? describeUrls(t) : globalUrls(t));
        return n;
    }

    private ObjectNode globalUrls(SObjectType t) {
        String base = sobjectUrl(t);
        ObjectNode u = Json.object();
        u.put("sobject", base);
        u.put("describe", base + "/describe");
        u.put("rowTemplate", base + "/{ID}");
        return u;
    }

    private ObjectNode describeUrls(SObjectType t) {
        String base = sobjectUrl(t);
        ObjectNode u = Json.object();
        u.put("compactLayouts", base + "/describe/compactLayouts");
        u.put("rowTemplate", base + "/{ID}");
        u.put("approvalLayouts", base + "/describe/approvalLayouts");
        u.put("uiDetailTemplate", baseUrl + "/{ID}");
        u.put("uiEditTemplate", baseUrl + "/{ID}/e");
        u.put("defaultValues", base + "/defaultValues?recordTypeId&fields");
        u.put("listviews", base + "/listviews");
        u.put("describe", base + "/describe");
        u.put("uiNewRecord", baseUrl + "/" + t.keyPrefix() + "/e");
        u.put("quickActions", base + "/quickActions");
        u.put("layouts", base + "/describe/layouts");
        u.put("sobject", base);
        return u;
    }

    private String sobjectUrl(SObjectType t) {
        return "/services/data/v" + version + "/sobjects/" + t.name();
    }

    /** One {@code fields[]} entry with every key Salesforce sends, in alphabetical order. */
    ObjectNode field(SObjectType t, FieldDef f) {
        ObjectAccess a = access.object(t);
        boolean editable = !f.system() && f.updateable() && access.canEditField(t, f);
        boolean settable = !f.system() && f.createable() && access.canEditField(t, f);
        FieldType type = f.type();
        boolean longText = type == FieldType.TEXTAREA && f.length() > 255;
        boolean sortable = !longText && type != FieldType.MULTIPICKLIST;
        boolean number = type == FieldType.DOUBLE || type == FieldType.CURRENCY || type == FieldType.PERCENT;
        boolean groupable = sortable && !number && type != FieldType.DATETIME;

        ObjectNode n = Json.object();
        n.put("aggregatable", sortable);
        n.put("aiPredictionField", false);
        n.put("autoNumber", f.nameField() && t.autoNumberFormat() != null);
        n.put("byteLength", byteLength(f));
        n.put("calculated", false);
        n.putNull("calculatedFormula");
        n.put("cascadeDelete", false);
        n.put("caseSensitive", f.caseSensitive());
        CompoundFields.compoundOf(t, f).ifPresentOrElse(c -> n.put("compoundFieldName", c),
                () -> n.putNull("compoundFieldName"));
        n.putNull("controllerName");
        n.put("createable", settable && a.create() && !(f.nameField() && t.autoNumberFormat() != null));
        n.put("custom", f.custom());
        n.putNull("defaultValue");
        n.putNull("defaultValueFormula");
        n.put("defaultedOnCreate", f.defaultedOnCreate());
        n.put("dependentPicklist", false);
        n.put("deprecatedAndHidden", false);
        n.put("digits", type == FieldType.INT ? f.precision() : 0);
        n.put("displayLocationInDecimal", false);
        n.put("encrypted", false);
        n.put("externalId", f.externalId());
        n.putNull("extraTypeInfo");
        n.put("filterable", !longText);
        n.putNull("filteredLookupInfo");
        n.put("formulaTreatNullNumberAsZero", false);
        n.put("groupable", groupable);
        n.put("highScaleNumber", false);
        n.put("htmlFormatted", false);
        n.put("idLookup", f.idLookup());
        n.putNull("inlineHelpText");
        n.put("label", f.label());
        n.put("length", f.type().isText() ? f.length() : 0);
        n.putNull("mask");
        n.putNull("maskType");
        n.put("name", f.name());
        n.put("nameField", f.nameField());
        n.put("namePointing", f.referenceTo().size() > 1);
        n.put("nillable", f.nillable());
        n.put("permissionable", f.permissionable());
        n.set("picklistValues", picklistValues(f));
        n.put("polymorphicForeignKey", f.referenceTo().size() > 1);
        n.put("precision", number ? f.precision() : 0);
        n.put("queryByDistance", false);
        n.putNull("referenceTargetField");
        ArrayNode refs = n.putArray("referenceTo");
        f.referenceTo().forEach(refs::add);
        if (f.relationshipName() == null) {
            n.putNull("relationshipName");
        } else {
            n.put("relationshipName", f.relationshipName());
        }
        n.putNull("relationshipOrder");
        n.put("restrictedDelete", false);
        n.put("restrictedPicklist", f.restrictedPicklist());
        n.put("scale", number ? f.scale() : 0);
        n.put("searchPrefilterable", false);
        n.put("soapType", type.soapType());
        n.put("sortable", sortable);
        n.put("type", type.describeName());
        n.put("unique", f.unique());
        n.put("updateable", editable && a.edit());
        n.put("writeRequiresMasterRead", false);
        return n;
    }

    /** UTF-8 worst case: three bytes per character for text, the id length for ids. */
    private static int byteLength(FieldDef f) {
        return switch (f.type()) {
            case ID, REFERENCE -> f.length();
            default -> f.type().isText() ? f.length() * 3 : 0;
        };
    }

    private static ArrayNode picklistValues(FieldDef f) {
        ArrayNode out = Json.array();
        List<String> values = f.picklistValues();
        for (int i = 0; i < values.size(); i++) {
            ObjectNode v = out.addObject();
            v.put("active", true);
            // A defaulted picklist (Lead.Status) takes its first value on create.
            v.put("defaultValue", i == 0 && f.defaultedOnCreate() && f.type() == FieldType.PICKLIST);
            v.put("label", values.get(i));
            v.putNull("validFor");
            v.put("value", values.get(i));
        }
        return out;
    }

    /** Lookups of readable objects that point at {@code parent}, with Salesforce's relationship names. */
    private ArrayNode childRelationships(SObjectType parent) {
        ArrayNode out = Json.array();
        for (SObjectType child : org.types()) {
            if (!access.canRead(child)) {
                continue;
            }
            for (FieldDef f : child.fields()) {
                if (!f.isReference() || !f.referenceTo().contains(parent.name()) || !access.canReadField(child, f)) {
                    continue;
                }
                ObjectNode r = out.addObject();
                r.put("cascadeDelete", false);
                r.put("childSObject", child.name());
                r.put("deprecatedAndHidden", false);
                r.put("field", f.name());
                r.putArray("junctionIdListNames");
                r.putArray("junctionReferenceTo");
                String name = childRelationshipName(child, f);
                if (name == null) {
                    r.putNull("relationshipName");
                } else {
                    r.put("relationshipName", name);
                }
                r.put("restrictedDelete", false);
            }
        }
        return out;
    }

    static String childRelationshipName(SObjectType child, FieldDef lookup) {
        return ChildRelationships.name(child, lookup);
    }

    private ArrayNode recordTypeInfos(SObjectType t) {
        ArrayNode out = Json.array();
        if (t.accessModel() != AccessModel.CRUD) {
            return out;
        }
        ObjectNode m = out.addObject();
        m.put("active", true);
        m.put("available", true);
        m.put("defaultRecordTypeMapping", true);
        m.put("developerName", "Master");
        m.put("master", true);
        m.put("name", "Master");
        m.put("recordTypeId", MASTER_RECORD_TYPE_ID);
        m.putObject("urls").put("layout", sobjectUrl(t) + "/describe/layouts/" + MASTER_RECORD_TYPE_ID);
        return out;
    }

    private static ArrayNode supportedScopes(SObjectType t) {
        ArrayNode out = Json.array();
        String plural = t.labelPlural().toLowerCase(java.util.Locale.ROOT);
        out.addObject().put("label", "All " + plural).put("name", "everything");
        if (t.field("OwnerId").isPresent()) {
            out.addObject().put("label", "My " + plural).put("name", "mine");
        }
        return out;
    }
}
