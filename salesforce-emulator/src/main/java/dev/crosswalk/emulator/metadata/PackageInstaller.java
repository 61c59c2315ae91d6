package dev.crosswalk.emulator.metadata;

import dev.crosswalk.emulator.metadata.SfdxPackage.AppSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.AuthProviderSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.ClassSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.ExternalCredentialSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.FieldPermissionSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.FieldSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.NamedCredentialSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.ObjectPermissionSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.ObjectSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.PageSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.PermissionSetSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.TabSpec;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardSchema;
import dev.crosswalk.emulator.security.ObjectAccess;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installs a package into an org the way a deploy does: custom objects, then fields, then
 * classes, pages, tabs, apps, credentials and permission sets (installed, never assigned).
 * Everything is checked against the org and the package before anything changes, so a bad
 * package leaves the org as it was. Installing again upgrades in place. {@code --install-package},
 * the admin API and Metadata API deploys all go through here.
 */
public final class PackageInstaller {

    /** What an install changed, for the admin API's answer and the log. */
    public record InstallReport(List<String> objects, List<String> fields, List<String> permissionSets,
            List<String> pages, List<String> classes, List<String> otherComponents, List<String> skipped) {
    }

    /** The secret a retrieved AuthProvider carries instead of the real one: deploying it keeps the org's secret. */
    static final String PLACEHOLDER_SECRET = "Placeholder_Value";

    private PackageInstaller() {
    }

    public static InstallReport install(Org org, Path sfdxFolder) {
        return install(org, SfdxPackage.read(sfdxFolder));
    }

    /** Checks, then applies; throws the first problem found (the admin API and startup installs). */
    public static InstallReport install(Org org, SfdxPackage pkg) {
        List<MetadataException> problems = check(org, pkg);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        return org.write(() -> apply(org, pkg));
    }

    /** Every cross-reference problem of the package against the org (empty when it can be installed). */
    public static List<MetadataException> check(Org org, SfdxPackage pkg) {
        return org.read(() -> new Checker(org, pkg).run());
    }

    /** Applies a checked package (callers hold the org's write lock through {@link Org#write}). */
    static InstallReport apply(Org org, SfdxPackage pkg) {
        StandardSchema.installPackagingTypes(org);
        List<String> objects = new ArrayList<>();
        for (ObjectSpec o : pkg.objects()) {
            if (o.label() == null || org.type(o.apiName()).isPresent()) {
                continue;
            }
            SObjectType t = StandardSchema.newType(o.apiName(), o.label(), o.pluralLabel(), org.nextCustomKeyPrefix(),
                    SObjectType.AccessModel.CRUD);
            FieldDef.Builder name = FieldDef.builder("Name", FieldType.STRING).label(o.nameFieldLabel()).length(80).nameField();
            if (o.autoNumberFormat() != null) {
                name.readOnly().notPermissionable().defaultedOnCreate();
                t.autoNumberFormat(o.autoNumberFormat());
            } else {
                name.required();
            }
            t.addField(name.custom(false).build());
            if (!o.controlledByParent()) {
                t.addField(FieldDef.builder("OwnerId", FieldType.REFERENCE).label("Owner ID").defaultedOnCreate()
                        .notPermissionable().reference("Owner", "User").build());
            }
            StandardSchema.withAudit(t);
            org.addType(t);
            objects.add(o.apiName());
        }
        List<String> fields = new ArrayList<>();
        for (FieldSpec f : pkg.fields()) {
            SObjectType t = org.type(f.objectName()).orElseThrow();
            t.addField(toFieldDef(f, org));
            fields.add(t.name() + "." + f.apiName());
        }
        List<String> classes = new ArrayList<>();
        for (ClassSpec c : pkg.classes()) {
            upsert(org, "ApexClass", "Name", c.name(), Map.of("ApiVersion", c.apiVersion(), "Status", "Active", "Body", c.body()));
            classes.add(c.name());
        }
        List<String> pages = new ArrayList<>();
        for (PageSpec p : pkg.pages()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("MasterLabel", p.label());
            values.put("ApiVersion", p.apiVersion());
            values.put("Description", p.description());
            values.put("Markup", p.markup());
            upsert(org, "ApexPage", "Name", p.name(), values);
            pages.add(p.name());
        }
        List<String> other = new ArrayList<>();
        for (TabSpec tab : pkg.tabs()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("Label", tab.customObject() ? org.type(tab.name()).orElseThrow().labelPlural() : tab.label());
            values.put("SobjectName", tab.customObject() ? tab.name() : null);
            values.put("Url", tab.page() == null ? null : "/apex/" + tab.page());
            values.put("IsCustom", true);
            upsert(org, "TabDefinition", "Name", tab.name(), values);
            other.add("CustomTab " + tab.name());
        }
        for (AppSpec app : pkg.apps()) {
            upsert(org, "AppDefinition", "DeveloperName", app.name(), Map.of("Label", app.label()));
            other.add("CustomApplication " + app.name());
        }
        pkg.lwcs().forEach(l -> other.add("LightningComponentBundle " + l.name()));
        for (AuthProviderSpec a : pkg.authProviders()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("FriendlyName", a.friendlyName());
            values.put("ProviderType", a.providerType());
            values.put("AuthorizeUrl", a.authorizeUrl());
            values.put("TokenUrl", a.tokenUrl());
            values.put("ConsumerKey", a.consumerKey());
            values.put("DefaultScopes", a.defaultScopes());
            values.put("IsPkceEnabled", a.pkce());
            values.put("SendClientCredentialsInHeader", a.credentialsInHeader());
            upsert(org, "AuthProvider", "DeveloperName", a.name(), values);
            if (a.consumerSecret() != null && !a.consumerSecret().isBlank() && !PLACEHOLDER_SECRET.equals(a.consumerSecret())) {
                AuthProviderSecrets.of(org).put(a.name(), a.consumerSecret());
            }
            other.add("AuthProvider " + a.name());
        }
        for (ExternalCredentialSpec ec : pkg.externalCredentials()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("MasterLabel", ec.label());
            values.put("AuthenticationProtocol", ec.protocol());
            values.put("AuthProviderId", ec.authProvider() == null ? null
                    : find(org, "AuthProvider", "DeveloperName", ec.authProvider()).map(Record::id).orElse(null));
            Record r = upsert(org, "ExternalCredential", "DeveloperName", ec.name(), values);
            for (String principal : ec.principals()) {
                // Principals keep their authentication across upgrades, as in Salesforce.
                if (principal(org, ec.name(), principal).isEmpty()) {
                    SObjectType pt = org.type("ExternalCredentialParameter").orElseThrow();
                    Record p = RecordLifecycle.create(org, pt, null);
                    p.set(pt.require("ExternalCredentialId"), r.id());
                    p.set(pt.require("ParameterName"), principal);
                    p.set(pt.require("ParameterGroup"), principal);
                    p.set(pt.require("ParameterType"), "NamedPrincipal");
                    RecordLifecycle.touch(org, pt, p, null);
                }
            }
            other.add("ExternalCredential " + ec.name());
        }
        for (NamedCredentialSpec nc : pkg.namedCredentials()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("MasterLabel", nc.label());
            values.put("Endpoint", nc.url());
            values.put("ExternalCredentialId", nc.externalCredential() == null ? null
                    : find(org, "ExternalCredential", "DeveloperName", nc.externalCredential()).map(Record::id).orElse(null));
            upsert(org, "NamedCredential", "DeveloperName", nc.name(), values);
            other.add("NamedCredential " + nc.name());
        }
        List<String> sets = new ArrayList<>();
        for (PermissionSetSpec ps : pkg.permissionSets()) {
            applyPermissionSet(org, ps);
            sets.add(ps.apiName());
        }
        org.setupChanged();
        return new InstallReport(objects, fields, sets, pages, classes, other, pkg.skipped());
    }

    private static void applyPermissionSet(Org org, PermissionSetSpec ps) {
        Map<String, Boolean> system = new LinkedHashMap<>();
        StandardSchema.SYSTEM_PERMISSIONS.forEach(p -> system.put(p, false));
        // Real orgs have hundreds of user permissions; the emulator enforces a few and ignores the rest.
        ps.userPermissions().forEach((name, on) -> {
            if (system.containsKey("Permissions" + name)) {
                system.put("Permissions" + name, on);
            }
        });
        String id = PermissionAdmin.permissionSetId(org, ps.apiName()).orElse(null);
        if (id == null) {
            id = PermissionAdmin.createPermissionSet(org, ps.apiName(), ps.label(), system);
        } else {
            // The file is the complete definition: an upgrade replaces what the set held.
            String existing = id;
            system.forEach((perm, on) -> PermissionAdmin.setSystemPermission(org, existing, perm, on));
            clearGrants(org, existing);
        }
        for (ObjectPermissionSpec o : ps.objectPermissions()) {
            String objectName = org.type(o.object()).orElseThrow().name();
            PermissionAdmin.setObjectPermissions(org, id, objectName,
                    new ObjectAccess(o.read(), o.create(), o.edit(), o.delete(), o.viewAll(), o.modifyAll(), o.viewAllFields()));
        }
        for (FieldPermissionSpec fp : ps.fieldPermissions()) {
            PermissionAdmin.setFieldPermission(org, id, canonicalField(org, fp.field()), fp.readable(), fp.editable());
        }
        for (String page : ps.pageAccesses()) {
            PermissionAdmin.grantSetupEntityAccess(org, id, find(org, "ApexPage", "Name", page).orElseThrow().id(), "ApexPage");
        }
        for (String cls : ps.classAccesses()) {
            PermissionAdmin.grantSetupEntityAccess(org, id, find(org, "ApexClass", "Name", cls).orElseThrow().id(), "ApexClass");
        }
        for (String tab : ps.tabs()) {
            // Standard tabs (standard-Account) have no TabDefinition row here: their visibility is not enforced.
            Optional<Record> definition = find(org, "TabDefinition", "Name", tab);
            if (definition.isPresent()) {
                PermissionAdmin.grantSetupEntityAccess(org, id, definition.get().id(), "TabDefinition");
            }
        }
        for (String app : ps.applications()) {
            PermissionAdmin.grantSetupEntityAccess(org, id,
                    find(org, "AppDefinition", "DeveloperName", app).orElseThrow().id(), "TabSet");
        }
        for (String principal : ps.principals()) {
            int dash = principal.indexOf('-');
            PermissionAdmin.grantSetupEntityAccess(org, id, principal(org, principal.substring(0, dash),
                    principal.substring(dash + 1)).orElseThrow().id(), "ExternalCredentialParameter");
        }
    }

    private static Record upsert(Org org, String typeName, String keyField, String key, Map<String, Object> values) {
        SObjectType t = org.type(typeName).orElseThrow();
        Record r = find(org, typeName, keyField, key).orElseGet(() -> RecordLifecycle.create(org, t, null));
        r.set(t.require(keyField), key);
        values.forEach((field, value) -> r.set(t.require(field), value));
        RecordLifecycle.touch(org, t, r, null);
        return r;
    }

    /** A setup record by its name field (case-insensitive), e.g. the ApexPage named CrosswalkSetup. */
    public static Optional<Record> find(Org org, String typeName, String keyField, String key) {
        if (org.type(typeName).isEmpty()) {
            return Optional.empty();
        }
        var store = org.store(typeName);
        var field = store.type().require(keyField);
        return store.all().stream().filter(r -> key.equalsIgnoreCase((String) r.get(field))).findFirst();
    }

    /** The principal {@code principal} of external credential {@code ec}, as an ExternalCredentialParameter row. */
    public static Optional<Record> principal(Org org, String ec, String principal) {
        Optional<Record> credential = find(org, "ExternalCredential", "DeveloperName", ec);
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        var store = org.store("ExternalCredentialParameter");
        SObjectType t = store.type();
        return store.all().stream()
                .filter(r -> credential.get().id().equals(r.get(t.require("ExternalCredentialId")))
                        && principal.equalsIgnoreCase((String) r.get(t.require("ParameterName"))))
                .findFirst();
    }

    /** The emulator's field type for a metadata field type (Number is a double, as in Salesforce). */
    static FieldType fieldType(String metadataType) {
        return switch (metadataType) {
            case "Text" -> FieldType.STRING;
            case "TextArea", "LongTextArea", "Html" -> FieldType.TEXTAREA;
            case "Number" -> FieldType.DOUBLE;
            case "Currency" -> FieldType.CURRENCY;
            case "Percent" -> FieldType.PERCENT;
            case "Checkbox" -> FieldType.BOOLEAN;
            case "Date" -> FieldType.DATE;
            case "DateTime" -> FieldType.DATETIME;
            case "Url" -> FieldType.URL;
            case "Email" -> FieldType.EMAIL;
            case "Phone" -> FieldType.PHONE;
            case "Picklist" -> FieldType.PICKLIST;
            case "MultiselectPicklist" -> FieldType.MULTIPICKLIST;
            case "Lookup", "MasterDetail" -> FieldType.REFERENCE;
            default -> throw new IllegalArgumentException("unsupported field type " + metadataType);
        };
    }

    private static FieldDef toFieldDef(FieldSpec f, Org org) {
        FieldDef.Builder b = FieldDef.builder(f.apiName(), fieldType(f.type()));
        switch (f.type()) {
            case "Text", "LongTextArea", "Html" -> b.length(f.length());
            case "TextArea", "Url" -> b.length(255);
            case "Email" -> b.length(80);
            case "Phone" -> b.length(40);
            case "Number", "Currency", "Percent" -> b.precision(f.precision(), f.scale());
            case "Picklist", "MultiselectPicklist" -> b.picklist(f.picklistValues(), f.restrictedPicklist());
            case "Lookup", "MasterDetail" -> b.reference(f.apiName().substring(0, f.apiName().length() - 3) + "__r",
                    org.type(f.referenceTo()).orElseThrow().name()).childRelationship(
                    f.relationshipName() == null ? null : f.relationshipName() + "__r");
            default -> {
                // Checkbox, Date, DateTime: nothing more
            }
        }
        b.label(f.label()).custom(true);
        if (f.required()) {
            b.required();
        }
        if (f.externalId()) {
            b.externalId();
        }
        if (f.unique()) {
            b.unique();
        }
        if (f.caseSensitive()) {
            b.caseSensitive();
        }
        return b.build();
    }

    private static void clearGrants(Org org, String permissionSetId) {
        for (String typeName : List.of("ObjectPermissions", "FieldPermissions", "SetupEntityAccess")) {
            var store = org.store(typeName);
            var parent = store.type().require("ParentId");
            store.all().stream().filter(r -> permissionSetId.equals(r.get(parent))).map(Record::id).toList()
                    .forEach(store::remove);
        }
        org.setupChanged();
    }

    private static String canonicalField(Org org, String qualified) {
        int dot = qualified.indexOf('.');
        SObjectType t = org.type(qualified.substring(0, dot)).orElseThrow();
        return t.name() + "." + t.require(qualified.substring(dot + 1)).name();
    }
}
