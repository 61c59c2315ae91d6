package dev.crosswalk.emulator.metadata;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A package's metadata components, read from SFDX source format ({@link #read(Path)},
 * {@link #of(SourceFiles)}) or from a Metadata API deploy zip ({@link MdapiZip}). Reading
 * validates each component on its own; cross-references are checked by {@link PackageInstaller}
 * against the target org. Types the emulator has nothing to enforce for are listed as skipped.
 */
public record SfdxPackage(List<ObjectSpec> objects, List<FieldSpec> fields, List<PermissionSetSpec> permissionSets,
        List<PageSpec> pages, List<ClassSpec> classes, List<LwcSpec> lwcs, List<TabSpec> tabs, List<AppSpec> apps,
        List<AuthProviderSpec> authProviders, List<ExternalCredentialSpec> externalCredentials,
        List<NamedCredentialSpec> namedCredentials, List<String> skipped) {

    /** Every component knows where it came from. */
    public interface Component {
        Origin origin();

        default String file() {
            return origin().file();
        }
    }

    /** {@code objects/X__c/X__c.object-meta.xml}; a standard object's file has no label (settings only). */
    public record ObjectSpec(Origin origin, String apiName, String label, String pluralLabel, String nameFieldLabel,
            String autoNumberFormat, boolean controlledByParent) implements Component {
    }

    /** {@code objects/X/fields/F__c.field-meta.xml}, on a custom or standard object. */
    public record FieldSpec(Origin origin, String objectName, String apiName, String label, String type, int length,
            int precision, int scale, boolean required, boolean unique, boolean externalId, boolean caseSensitive,
            String referenceTo, String relationshipName, List<String> picklistValues, boolean restrictedPicklist)
            implements Component {
    }

    public record ObjectPermissionSpec(String object, boolean read, boolean create, boolean edit, boolean delete,
            boolean viewAll, boolean modifyAll, boolean viewAllFields) {
    }

    public record FieldPermissionSpec(String field, boolean readable, boolean editable) {
    }

    public record PermissionSetSpec(Origin origin, String apiName, String label, String description,
            Map<String, Boolean> userPermissions, List<ObjectPermissionSpec> objectPermissions,
            List<FieldPermissionSpec> fieldPermissions, List<String> pageAccesses, List<String> classAccesses,
            List<String> tabs, List<String> applications, List<String> principals) implements Component {
    }

    public record PageSpec(Origin origin, String name, String label, double apiVersion, String description, String markup)
            implements Component {
    }

    public record ClassSpec(Origin origin, String name, double apiVersion, String body) implements Component {
    }

    /** A Lightning web component bundle: the emulator validates its metadata, it does not run it. */
    public record LwcSpec(Origin origin, String name, double apiVersion, List<String> targets, List<String> objects)
            implements Component {
    }

    /** A Visualforce tab ({@code page}) or a custom object tab ({@code customObject}, named after the object). */
    public record TabSpec(Origin origin, String name, String label, String page, boolean customObject) implements Component {
    }

    public record AppSpec(Origin origin, String name, String label, List<String> tabs) implements Component {
    }

    public record AuthProviderSpec(Origin origin, String name, String friendlyName, String providerType,
            String authorizeUrl, String tokenUrl, String consumerKey, String consumerSecret, String defaultScopes,
            boolean pkce, boolean credentialsInHeader) implements Component {
    }

    /** An OAuth (or other protocol) external credential with its principals' names. */
    public record ExternalCredentialSpec(Origin origin, String name, String label, String protocol, String authProvider,
            List<String> principals) implements Component {
    }

    public record NamedCredentialSpec(Origin origin, String name, String label, String url, String externalCredential)
            implements Component {
    }

    /** Reads a project folder (with {@code sfdx-project.json}) or a bare source folder. */
    public static SfdxPackage read(Path root) {
        return of(SourceFiles.read(root));
    }

    /** Reads source-format files, dispatching on the file suffix as the sf CLI does. */
    public static SfdxPackage of(SourceFiles source) {
        Builder b = new Builder();
        Map<String, byte[]> files = source.files();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String path = e.getKey();
            String[] parts = path.split("/");
            String name = parts[parts.length - 1];
            String parent = parts.length > 1 ? parts[parts.length - 2] : "";
            byte[] bytes = e.getValue();
            if (name.endsWith(".object-meta.xml")) {
                String apiName = strip(name, ".object-meta.xml");
                MetadataXml x = MetadataXml.parse("CustomObject", apiName, path, bytes, "CustomObject");
                if (!parent.equals(apiName)) {
                    throw x.error(x.root(), "An object file must live in a folder named " + apiName);
                }
                b.objects.add(ComponentReader.object(x, apiName));
            } else if (name.endsWith(".field-meta.xml")) {
                String apiName = strip(name, ".field-meta.xml");
                String objectName = parts.length > 2 ? parts[parts.length - 3] : "";
                MetadataXml x = MetadataXml.parse("CustomField", objectName + "." + apiName, path, bytes, "CustomField");
                if (!"fields".equals(parent)) {
                    throw x.error(x.root(), "Field files belong in objects/<Object>/fields/");
                }
                b.fields.add(ComponentReader.field(x, objectName, apiName));
            } else if (name.endsWith(".permissionset-meta.xml")) {
                String apiName = strip(name, ".permissionset-meta.xml");
                b.permissionSets.add(ComponentReader.permissionSet(
                        MetadataXml.parse("PermissionSet", apiName, path, bytes, "PermissionSet"), apiName));
            } else if (name.endsWith(".page-meta.xml")) {
                String apiName = strip(name, ".page-meta.xml");
                String body = text(files.get(sibling(path, apiName + ".page")));
                b.pages.add(ComponentReader.page(MetadataXml.parse("ApexPage", apiName, path, bytes, "ApexPage"), apiName, body));
            } else if (name.endsWith(".cls-meta.xml")) {
                String apiName = strip(name, ".cls-meta.xml");
                String body = text(files.get(sibling(path, apiName + ".cls")));
                b.classes.add(ComponentReader.apexClass(MetadataXml.parse("ApexClass", apiName, path, bytes, "ApexClass"),
                        apiName, body));
            } else if (name.endsWith(".js-meta.xml") && parts.length > 2 && "lwc".equals(parts[parts.length - 3])) {
                String bundle = strip(name, ".js-meta.xml");
                MetadataXml x = MetadataXml.parse("LightningComponentBundle", bundle, path, bytes, "LightningComponentBundle");
                boolean hasJs = files.containsKey(sibling(path, bundle + ".js"));
                b.lwcs.add(ComponentReader.lwc(x, bundle, parent, hasJs));
            } else if (name.endsWith(".tab-meta.xml")) {
                String apiName = strip(name, ".tab-meta.xml");
                b.tabs.add(ComponentReader.tab(MetadataXml.parse("CustomTab", apiName, path, bytes, "CustomTab"), apiName));
            } else if (name.endsWith(".app-meta.xml")) {
                String apiName = strip(name, ".app-meta.xml");
                b.apps.add(ComponentReader.app(
                        MetadataXml.parse("CustomApplication", apiName, path, bytes, "CustomApplication"), apiName));
            } else if (name.endsWith(".authprovider-meta.xml")) {
                String apiName = strip(name, ".authprovider-meta.xml");
                b.authProviders.add(ComponentReader.authProvider(
                        MetadataXml.parse("AuthProvider", apiName, path, bytes, "AuthProvider"), apiName));
            } else if (name.endsWith(".externalCredential-meta.xml")) {
                String apiName = strip(name, ".externalCredential-meta.xml");
                b.externalCredentials.add(ComponentReader.externalCredential(
                        MetadataXml.parse("ExternalCredential", apiName, path, bytes, "ExternalCredential"), apiName));
            } else if (name.endsWith(".namedCredential-meta.xml")) {
                String apiName = strip(name, ".namedCredential-meta.xml");
                b.namedCredentials.add(ComponentReader.namedCredential(
                        MetadataXml.parse("NamedCredential", apiName, path, bytes, "NamedCredential"), apiName));
            } else if (name.endsWith("-meta.xml")) {
                b.skipped.add(path);
            }
        }
        return b.build();
    }

    static String strip(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }

    private static String sibling(String path, String name) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? name : path.substring(0, slash + 1) + name;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Collects components while reading; source and zip readers fill the same lists. */
    static final class Builder {
        final List<ObjectSpec> objects = new ArrayList<>();
        final List<FieldSpec> fields = new ArrayList<>();
        final List<PermissionSetSpec> permissionSets = new ArrayList<>();
        final List<PageSpec> pages = new ArrayList<>();
        final List<ClassSpec> classes = new ArrayList<>();
        final List<LwcSpec> lwcs = new ArrayList<>();
        final List<TabSpec> tabs = new ArrayList<>();
        final List<AppSpec> apps = new ArrayList<>();
        final List<AuthProviderSpec> authProviders = new ArrayList<>();
        final List<ExternalCredentialSpec> externalCredentials = new ArrayList<>();
        final List<NamedCredentialSpec> namedCredentials = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        SfdxPackage build() {
            return new SfdxPackage(List.copyOf(objects), List.copyOf(fields), List.copyOf(permissionSets), List.copyOf(pages),
                    List.copyOf(classes), List.copyOf(lwcs), List.copyOf(tabs), List.copyOf(apps), List.copyOf(authProviders),
                    List.copyOf(externalCredentials), List.copyOf(namedCredentials), List.copyOf(skipped));
        }
    }

    /** Every component, in install order (what a deploy reports one message for). */
    public List<Component> components() {
        List<Component> all = new ArrayList<>();
        all.addAll(objects);
        all.addAll(fields);
        all.addAll(classes);
        all.addAll(pages);
        all.addAll(lwcs);
        all.addAll(tabs);
        all.addAll(apps);
        all.addAll(authProviders);
        all.addAll(externalCredentials);
        all.addAll(namedCredentials);
        all.addAll(permissionSets);
        return all;
    }

    public Optional<ObjectSpec> object(String apiName) {
        return objects.stream().filter(o -> o.apiName().equalsIgnoreCase(apiName)).findFirst();
    }

    /** A custom object this package creates (not a standard object's settings file). */
    public boolean createsObject(String apiName) {
        return object(apiName).filter(o -> o.label() != null).isPresent();
    }
}
