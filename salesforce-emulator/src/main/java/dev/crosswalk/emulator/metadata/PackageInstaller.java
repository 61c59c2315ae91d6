package dev.crosswalk.emulator.metadata;

import dev.crosswalk.emulator.metadata.SfdxPackage.FieldPermissionSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.FieldSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.ObjectPermissionSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.ObjectSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.PageSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.PermissionSetSpec;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Installs an {@link SfdxPackage} into an org the way a package install does: custom objects,
 * then fields, then pages, then permission sets (installed, never assigned). Everything is
 * validated against the org before anything changes, so a bad package leaves the org as it was.
 * Installing the same package again upgrades it in place (fields and permissions are replaced).
 */
public final class PackageInstaller {

    /** What an install changed, for the admin API's answer and the log. */
    public record InstallReport(List<String> objects, List<String> fields, List<String> permissionSets,
            List<String> pages, List<String> skipped) {
    }

    private PackageInstaller() {
    }

    public static InstallReport install(Org org, Path sfdxFolder) {
        return install(org, SfdxPackage.read(sfdxFolder));
    }

    public static InstallReport install(Org org, SfdxPackage pkg) {
        org.read(() -> {
            validate(org, pkg);
            return null;
        });
        return org.write(() -> apply(org, pkg));
    }

    private static void validate(Org org, SfdxPackage pkg) {
        for (FieldSpec f : pkg.fields()) {
            if (org.type(f.objectName()).isEmpty() && pkg.object(f.objectName()).filter(o -> o.label() != null).isEmpty()) {
                throw new MetadataException(f.file(), "CustomField", "object " + f.objectName() + " does not exist");
            }
            if (f.referenceTo() != null && org.type(f.referenceTo()).isEmpty()
                    && pkg.object(f.referenceTo()).filter(o -> o.label() != null).isEmpty()) {
                throw new MetadataException(f.file(), "referenceTo", "object " + f.referenceTo() + " does not exist");
            }
        }
        for (PermissionSetSpec ps : pkg.permissionSets()) {
            for (ObjectPermissionSpec o : ps.objectPermissions()) {
                if (org.type(o.object()).isEmpty() && pkg.object(o.object()).filter(x -> x.label() != null).isEmpty()) {
                    throw new MetadataException(ps.file(), "objectPermissions/object", "object " + o.object() + " does not exist");
                }
            }
            for (FieldPermissionSpec fp : ps.fieldPermissions()) {
                String objectName = fp.field().substring(0, fp.field().indexOf('.'));
                String fieldName = fp.field().substring(fp.field().indexOf('.') + 1);
                Optional<FieldSpec> packaged = pkg.fields().stream()
                        .filter(f -> f.objectName().equalsIgnoreCase(objectName) && f.apiName().equalsIgnoreCase(fieldName))
                        .findFirst();
                Optional<FieldDef> existing = org.type(objectName).flatMap(t -> t.field(fieldName));
                if (packaged.isEmpty() && existing.isEmpty()) {
                    throw new MetadataException(ps.file(), "fieldPermissions/field", "field " + fp.field() + " does not exist");
                }
                boolean required = packaged.map(FieldSpec::required).orElseGet(() -> existing.get().required());
                boolean permissionable = packaged.isPresent() || existing.get().permissionable();
                if (required || !permissionable) {
                    throw new MetadataException(ps.file(), "fieldPermissions/field",
                            fp.field() + " is required or not permissionable: its field permissions cannot be set");
                }
            }
            for (String page : ps.pageAccesses()) {
                boolean inPackage = pkg.pages().stream().anyMatch(p -> p.name().equalsIgnoreCase(page));
                if (!inPackage && findPage(org, page).isEmpty()) {
                    throw new MetadataException(ps.file(), "pageAccesses/apexPage", "Visualforce page " + page + " does not exist");
                }
            }
        }
    }

    private static InstallReport apply(Org org, SfdxPackage pkg) {
        List<String> objects = new java.util.ArrayList<>();
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
        List<String> fields = new java.util.ArrayList<>();
        for (FieldSpec f : pkg.fields()) {
            SObjectType t = org.type(f.objectName()).orElseThrow();
            t.addField(toFieldDef(f, org));
            fields.add(t.name() + "." + f.apiName());
        }
        Map<String, String> pageIds = new HashMap<>();
        List<String> pages = new java.util.ArrayList<>();
        for (PageSpec p : pkg.pages()) {
            SObjectType t = org.type("ApexPage").orElseThrow();
            Record r = findPage(org, p.name()).orElseGet(() -> RecordLifecycle.create(org, t, null));
            r.set(t.require("Name"), p.name());
            r.set(t.require("MasterLabel"), p.label());
            r.set(t.require("ApiVersion"), p.apiVersion());
            r.set(t.require("Description"), p.description());
            r.set(t.require("Markup"), p.markup());
            RecordLifecycle.touch(org, t, r, null);
            pageIds.put(p.name().toLowerCase(Locale.ROOT), r.id());
            pages.add(p.name());
        }
        List<String> sets = new java.util.ArrayList<>();
        for (PermissionSetSpec ps : pkg.permissionSets()) {
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
                String pageId = pageIds.computeIfAbsent(page.toLowerCase(Locale.ROOT), k -> findPage(org, page).orElseThrow().id());
                PermissionAdmin.grantSetupEntityAccess(org, id, pageId, "ApexPage");
            }
            sets.add(ps.apiName());
        }
        org.setupChanged();
        return new InstallReport(objects, fields, sets, pages, pkg.skipped());
    }

    private static FieldDef toFieldDef(FieldSpec f, Org org) {
        FieldDef.Builder b = switch (f.type()) {
            case "Text" -> FieldDef.builder(f.apiName(), FieldType.STRING).length(f.length());
            case "TextArea" -> FieldDef.builder(f.apiName(), FieldType.TEXTAREA).length(255);
            case "LongTextArea", "Html" -> FieldDef.builder(f.apiName(), FieldType.TEXTAREA).length(f.length());
            case "Number" -> FieldDef.builder(f.apiName(), FieldType.DOUBLE).precision(f.precision(), f.scale());
            case "Currency" -> FieldDef.builder(f.apiName(), FieldType.CURRENCY).precision(f.precision(), f.scale());
            case "Percent" -> FieldDef.builder(f.apiName(), FieldType.PERCENT).precision(f.precision(), f.scale());
            case "Checkbox" -> FieldDef.builder(f.apiName(), FieldType.BOOLEAN);
            case "Date" -> FieldDef.builder(f.apiName(), FieldType.DATE);
            case "DateTime" -> FieldDef.builder(f.apiName(), FieldType.DATETIME);
            case "Url" -> FieldDef.builder(f.apiName(), FieldType.URL);
            case "Email" -> FieldDef.builder(f.apiName(), FieldType.EMAIL);
            case "Phone" -> FieldDef.builder(f.apiName(), FieldType.PHONE);
            case "Picklist" -> FieldDef.builder(f.apiName(), FieldType.PICKLIST).picklist(f.picklistValues(), f.restrictedPicklist());
            case "MultiselectPicklist" -> FieldDef.builder(f.apiName(), FieldType.MULTIPICKLIST)
                    .picklist(f.picklistValues(), f.restrictedPicklist());
            case "Lookup", "MasterDetail" -> FieldDef.builder(f.apiName(), FieldType.REFERENCE)
                    .reference(f.apiName().substring(0, f.apiName().length() - 3) + "__r",
                            org.type(f.referenceTo()).orElseThrow().name());
            default -> throw new MetadataException(f.file(), "type", "unsupported field type " + f.type());
        };
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

    private static Optional<Record> findPage(Org org, String name) {
        var store = org.store("ApexPage");
        var nameField = store.type().require("Name");
        return store.all().stream().filter(r -> name.equalsIgnoreCase((String) r.get(nameField))).findFirst();
    }
}
