package dev.crosswalk.emulator.metadata;

import dev.crosswalk.emulator.metadata.SfdxPackage.AppSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.ExternalCredentialSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.FieldPermissionSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.FieldSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.LwcSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.NamedCredentialSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.ObjectPermissionSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.PermissionSetSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.TabSpec;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Org;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The cross-reference checks of a deploy: every object, field, page, class, tab, app, auth
 * provider, external credential and principal a component names must exist in the package or
 * the org. Reports every problem (a deploy lists them all), in Salesforce's wording where known.
 */
final class Checker {
    private final Org org;
    private final SfdxPackage pkg;
    private final List<MetadataException> problems = new ArrayList<>();

    Checker(Org org, SfdxPackage pkg) {
        this.org = org;
        this.pkg = pkg;
    }

    List<MetadataException> run() {
        Set<String> relationshipKeys = new HashSet<>();
        for (FieldSpec f : pkg.fields()) {
            if (!objectExists(f.objectName())) {
                fail(f.origin(), "CustomField", f.apiName(), "Cannot create a field on " + f.objectName()
                        + ": the object does not exist");
            }
            if (f.referenceTo() != null && !objectExists(f.referenceTo())) {
                fail(f.origin(), "referenceTo", f.referenceTo(), "Field " + f.apiName() + ": referenceTo value of '"
                        + f.referenceTo() + "' does not resolve to a valid sObject type");
            }
            if (f.relationshipName() != null
                    && !relationshipKeys.add((f.referenceTo() + "." + f.relationshipName()).toLowerCase(Locale.ROOT))) {
                fail(f.origin(), "relationshipName", f.relationshipName(), "Field " + f.apiName()
                        + ": the relationship name " + f.relationshipName() + " is already used by another field of "
                        + f.referenceTo());
            }
            org.type(f.objectName()).flatMap(t -> t.field(f.apiName())).ifPresent(existing -> {
                if (existing.type() != PackageInstaller.fieldType(f.type())) {
                    fail(f.origin(), "type", "<type>", "Cannot change the type of field " + f.objectName() + "."
                            + f.apiName() + " from " + existing.type().name().toLowerCase(Locale.ROOT) + " to " + f.type());
                }
            });
        }
        for (TabSpec tab : pkg.tabs()) {
            if (tab.page() != null && !pageExists(tab.page())) {
                fail(tab.origin(), "page", tab.page(), "In field: page - no ApexPage named " + tab.page() + " found");
            }
            if (tab.customObject() && !objectExists(tab.name())) {
                fail(tab.origin(), "customObject", "customObject", "In field: customObject - no CustomObject named "
                        + tab.name() + " found");
            }
        }
        for (AppSpec app : pkg.apps()) {
            for (String tab : app.tabs()) {
                if (!tabExists(tab)) {
                    fail(app.origin(), "tabs", tab, "In field: tabs - no CustomTab named " + tab + " found");
                }
            }
        }
        for (LwcSpec lwc : pkg.lwcs()) {
            for (String object : lwc.objects()) {
                if (!objectExists(object)) {
                    fail(lwc.origin(), "object", object, "Invalid object " + object + " in targetConfig");
                }
            }
        }
        for (ExternalCredentialSpec ec : pkg.externalCredentials()) {
            if (ec.authProvider() != null && !exists(pkg.authProviders(), a -> a.name().equalsIgnoreCase(ec.authProvider()),
                    "AuthProvider", "DeveloperName", ec.authProvider())) {
                fail(ec.origin(), "authProvider", ec.authProvider(), "In field: authProvider - no AuthProvider named "
                        + ec.authProvider() + " found");
            }
        }
        for (NamedCredentialSpec nc : pkg.namedCredentials()) {
            if (nc.externalCredential() != null && !externalCredentialExists(nc.externalCredential())) {
                fail(nc.origin(), "externalCredential", nc.externalCredential(),
                        "In field: externalCredential - no ExternalCredential named " + nc.externalCredential() + " found");
            }
        }
        pkg.permissionSets().forEach(this::checkPermissionSet);
        return problems;
    }

    private void checkPermissionSet(PermissionSetSpec ps) {
        for (ObjectPermissionSpec o : ps.objectPermissions()) {
            if (!objectExists(o.object())) {
                fail(ps.origin(), "object", ">" + o.object() + "<", "In field: object - no CustomObject named " + o.object() + " found");
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
                fail(ps.origin(), "field", ">" + fp.field() + "<", "In field: field - no CustomField named " + fp.field() + " found");
                continue;
            }
            boolean required = packaged.map(FieldSpec::required).orElseGet(() -> existing.get().required());
            boolean permissionable = packaged.isPresent() || existing.get().permissionable();
            if (required || !permissionable) {
                fail(ps.origin(), "field", ">" + fp.field() + "<", "You cannot deploy to a required field: " + fp.field()
                        + " (field permissions of required or non-permissionable fields cannot be set)");
            }
        }
        for (String page : ps.pageAccesses()) {
            if (!pageExists(page)) {
                fail(ps.origin(), "apexPage", ">" + page + "<", "In field: apexPage - no ApexPage named " + page + " found");
            }
        }
        for (String cls : ps.classAccesses()) {
            if (!exists(pkg.classes(), c -> c.name().equalsIgnoreCase(cls), "ApexClass", "Name", cls)) {
                fail(ps.origin(), "apexClass", ">" + cls + "<", "In field: apexClass - no ApexClass named " + cls + " found");
            }
        }
        for (String tab : ps.tabs()) {
            if (!tab.startsWith("standard-") && !tabExists(tab)) {
                fail(ps.origin(), "tab", ">" + tab + "<", "In field: tab - no CustomTab named " + tab + " found");
            }
        }
        for (String app : ps.applications()) {
            if (!exists(pkg.apps(), a -> a.name().equalsIgnoreCase(app), "AppDefinition", "DeveloperName", app)) {
                fail(ps.origin(), "application", ">" + app + "<", "In field: application - no CustomApplication named "
                        + app + " found");
            }
        }
        for (String principal : ps.principals()) {
            int dash = principal.indexOf('-');
            if (dash <= 0 || !principalExists(principal.substring(0, dash), principal.substring(dash + 1))) {
                fail(ps.origin(), "externalCredentialPrincipal", ">" + principal + "<",
                        "In field: externalCredentialPrincipal - no ExternalCredentialParameter named " + principal + " found");
            }
        }
    }

    private void fail(Origin origin, String element, String needle, String message) {
        problems.add(origin.error(element, needle, message));
    }

    private boolean objectExists(String name) {
        return org.type(name).isPresent() || pkg.createsObject(name);
    }

    private boolean pageExists(String name) {
        return exists(pkg.pages(), p -> p.name().equalsIgnoreCase(name), "ApexPage", "Name", name);
    }

    private boolean tabExists(String name) {
        return name.startsWith("standard-")
                || exists(pkg.tabs(), t -> t.name().equalsIgnoreCase(name), "TabDefinition", "Name", name);
    }

    private boolean externalCredentialExists(String name) {
        return exists(pkg.externalCredentials(), e -> e.name().equalsIgnoreCase(name), "ExternalCredential", "DeveloperName", name);
    }

    private boolean principalExists(String ec, String principal) {
        boolean inPackage = pkg.externalCredentials().stream().anyMatch(e -> e.name().equalsIgnoreCase(ec)
                && e.principals().stream().anyMatch(p -> p.equalsIgnoreCase(principal)));
        return inPackage || PackageInstaller.principal(org, ec, principal).isPresent();
    }

    private <T> boolean exists(List<T> inPackage, Predicate<T> matches, String type, String keyField, String name) {
        return inPackage.stream().anyMatch(matches) || PackageInstaller.find(org, type, keyField, name).isPresent();
    }
}
