package dev.crosswalk.emulator.metadata;

import dev.crosswalk.emulator.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * An SFDX source-format package read from disk: custom objects and fields, permission sets
 * and Visualforce pages. Other metadata types are listed as skipped (the emulator has nothing
 * to enforce for them). Reading validates each file on its own; cross-references are checked
 * by {@link PackageInstaller} against the target org.
 */
public record SfdxPackage(List<ObjectSpec> objects, List<FieldSpec> fields, List<PermissionSetSpec> permissionSets,
        List<PageSpec> pages, List<String> skipped) {

    /** {@code objects/X__c/X__c.object-meta.xml}. */
    public record ObjectSpec(String file, String apiName, String label, String pluralLabel, String nameFieldLabel,
            String autoNumberFormat, boolean controlledByParent) {
    }

    /** {@code objects/X/fields/F__c.field-meta.xml}, on a custom or standard object. */
    public record FieldSpec(String file, String objectName, String apiName, String label, String type, int length,
            int precision, int scale, boolean required, boolean unique, boolean externalId, boolean caseSensitive,
            String referenceTo, List<String> picklistValues, boolean restrictedPicklist) {
    }

    public record ObjectPermissionSpec(String object, boolean read, boolean create, boolean edit, boolean delete,
            boolean viewAll, boolean modifyAll, boolean viewAllFields) {
    }

    public record FieldPermissionSpec(String field, boolean readable, boolean editable) {
    }

    public record PermissionSetSpec(String file, String apiName, String label, String description,
            Map<String, Boolean> userPermissions, List<ObjectPermissionSpec> objectPermissions,
            List<FieldPermissionSpec> fieldPermissions, List<String> pageAccesses) {
    }

    public record PageSpec(String file, String name, String label, double apiVersion, String description, String markup) {
    }

    private static final String OBJECT = ".object-meta.xml";
    private static final String FIELD = ".field-meta.xml";
    private static final String PERMISSION_SET = ".permissionset-meta.xml";
    private static final String PAGE = ".page-meta.xml";

    /** Reads a project folder (with {@code sfdx-project.json}) or a bare source folder. */
    public static SfdxPackage read(Path root) {
        if (!Files.isDirectory(root)) {
            throw new MetadataException(root.toString(), null, "is not a directory");
        }
        List<Path> dirs = packageDirectories(root);
        List<ObjectSpec> objects = new ArrayList<>();
        List<FieldSpec> fields = new ArrayList<>();
        List<PermissionSetSpec> sets = new ArrayList<>();
        List<PageSpec> pages = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path dir : dirs) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(OBJECT)) {
                    objects.add(readObject(root, f));
                } else if (name.endsWith(FIELD)) {
                    fields.add(readField(root, f));
                } else if (name.endsWith(PERMISSION_SET)) {
                    sets.add(readPermissionSet(root, f));
                } else if (name.endsWith(PAGE)) {
                    pages.add(readPage(root, f));
                } else if (name.endsWith("-meta.xml")) {
                    skipped.add(root.relativize(f).toString());
                }
            }
        }
        return new SfdxPackage(objects, fields, sets, pages, skipped);
    }

    private static List<Path> packageDirectories(Path root) {
        Path project = root.resolve("sfdx-project.json");
        if (!Files.exists(project)) {
            return List.of(root);
        }
        JsonNode json;
        try {
            json = Json.parse(Files.readAllBytes(project));
        } catch (IOException e) {
            throw new MetadataException("sfdx-project.json", null, "cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new MetadataException("sfdx-project.json", null, "is not valid JSON: " + e.getMessage());
        }
        JsonNode dirs = json.get("packageDirectories");
        if (dirs == null || !dirs.isArray() || dirs.isEmpty()) {
            throw new MetadataException("sfdx-project.json", "packageDirectories", "must list at least one package directory");
        }
        List<Path> out = new ArrayList<>();
        for (JsonNode d : dirs) {
            JsonNode path = d.get("path");
            if (path == null || path.asString().isBlank()) {
                throw new MetadataException("sfdx-project.json", "packageDirectories.path", "is required");
            }
            Path p = root.resolve(path.asString()).normalize();
            if (!p.startsWith(root.normalize()) || !Files.isDirectory(p)) {
                throw new MetadataException("sfdx-project.json", "packageDirectories.path",
                        "'" + path.asString() + "' is not a folder inside the project");
            }
            out.add(p);
        }
        return out;
    }

    private static String baseName(Path f, String suffix) {
        String n = f.getFileName().toString();
        return n.substring(0, n.length() - suffix.length());
    }

    private static ObjectSpec readObject(Path root, Path f) {
        MetadataXml x = MetadataXml.parse(root, f, "CustomObject");
        String apiName = baseName(f, OBJECT);
        if (!f.getParent().getFileName().toString().equals(apiName)) {
            throw x.error("CustomObject", "must live in a folder named " + apiName);
        }
        if (!apiName.endsWith("__c")) {
            // A standard object's file only changes its settings: nothing to create.
            return new ObjectSpec(x.file(), apiName, null, null, null, null, false);
        }
        String label = x.required("label");
        String plural = x.required("pluralLabel");
        Element nameField = x.child(x.root(), "nameField")
                .orElseThrow(() -> x.error("nameField", "required for custom objects"));
        String nameLabel = x.required(nameField, "label");
        String nameType = x.required(nameField, "type");
        String autoNumber = switch (nameType) {
            case "Text" -> null;
            case "AutoNumber" -> x.required(nameField, "displayFormat");
            default -> throw x.error("nameField/type", "must be Text or AutoNumber, not " + nameType);
        };
        boolean controlled = x.text("sharingModel").map("ControlledByParent"::equals).orElse(false);
        return new ObjectSpec(x.file(), apiName, label, plural, nameLabel, autoNumber, controlled);
    }

    private static FieldSpec readField(Path root, Path f) {
        MetadataXml x = MetadataXml.parse(root, f, "CustomField");
        if (!"fields".equals(f.getParent().getFileName().toString())) {
            throw x.error("CustomField", "field files belong in objects/<Object>/fields/");
        }
        String objectName = f.getParent().getParent().getFileName().toString();
        String apiName = baseName(f, FIELD);
        String fullName = x.text("fullName").orElse(apiName);
        if (!fullName.equals(apiName)) {
            throw x.error("fullName", "'" + fullName + "' does not match the file name " + apiName);
        }
        if (!apiName.endsWith("__c")) {
            throw x.error("fullName", "custom field names end in __c");
        }
        String type = x.required("type");
        String label = x.required("label");
        boolean required = x.bool(x.root(), "required", false);
        int length = x.integer(x.root(), "length", 0);
        int precision = x.integer(x.root(), "precision", 0);
        int scale = x.integer(x.root(), "scale", 0);
        String referenceTo = null;
        List<String> values = List.of();
        boolean restricted = false;
        switch (type) {
            case "Text" -> {
                if (length < 1 || length > 255) {
                    throw x.error("length", "Text fields need a length between 1 and 255");
                }
            }
            case "LongTextArea", "Html" -> {
                if (length < 256 || length > 131072) {
                    throw x.error("length", type + " fields need a length between 256 and 131072");
                }
            }
            case "Number", "Currency", "Percent" -> {
                if (precision < 1 || precision > 18 || scale < 0 || scale > precision) {
                    throw x.error("precision", type + " fields need 1 <= precision <= 18 and 0 <= scale <= precision");
                }
            }
            case "Checkbox" -> {
                if (required) {
                    throw x.error("required", "a Checkbox field cannot be required");
                }
            }
            case "Lookup", "MasterDetail" -> {
                referenceTo = x.required("referenceTo");
                x.required("relationshipName");
                required = required || type.equals("MasterDetail");
            }
            case "Picklist", "MultiselectPicklist" -> {
                Element valueSet = x.child(x.root(), "valueSet").orElseThrow(() -> x.error("valueSet", "required for " + type));
                restricted = x.bool(valueSet, "restricted", false);
                Element def = x.child(valueSet, "valueSetDefinition")
                        .orElseThrow(() -> x.error("valueSetDefinition", "required (global value sets are not supported)"));
                List<String> v = new ArrayList<>();
                int defaults = 0;
                for (Element value : x.children(def, "value")) {
                    v.add(x.required(value, "fullName"));
                    defaults += x.bool(value, "default", false) ? 1 : 0;
                }
                if (v.isEmpty()) {
                    throw x.error("valueSetDefinition", "needs at least one <value>");
                }
                if (defaults > 1) {
                    throw x.error("valueSetDefinition", "at most one value can be the default");
                }
                values = v;
            }
            case "TextArea", "Date", "DateTime", "Url", "Email", "Phone" -> {
                // no required elements
            }
            default -> throw x.error("type", "unsupported field type " + type);
        }
        return new FieldSpec(x.file(), objectName, apiName, label, type, length, precision, scale, required,
                x.bool(x.root(), "unique", false), x.bool(x.root(), "externalId", false),
                x.bool(x.root(), "caseSensitive", false), referenceTo, values, restricted);
    }

    private static PermissionSetSpec readPermissionSet(Path root, Path f) {
        MetadataXml x = MetadataXml.parse(root, f, "PermissionSet");
        String apiName = baseName(f, PERMISSION_SET);
        String label = x.required("label");
        if (label.length() > 80) {
            throw x.error("label", "must be at most 80 characters");
        }
        Map<String, Boolean> user = new TreeMap<>();
        for (Element p : x.children(x.root(), "userPermissions")) {
            user.put(x.required(p, "name"), x.bool(p, "enabled", false));
        }
        List<ObjectPermissionSpec> objects = new ArrayList<>();
        for (Element p : x.children(x.root(), "objectPermissions")) {
            ObjectPermissionSpec o = new ObjectPermissionSpec(x.required(p, "object"), x.bool(p, "allowRead", false),
                    x.bool(p, "allowCreate", false), x.bool(p, "allowEdit", false), x.bool(p, "allowDelete", false),
                    x.bool(p, "viewAllRecords", false), x.bool(p, "modifyAllRecords", false), x.bool(p, "viewAllFields", false));
            checkDependencies(x, o);
            objects.add(o);
        }
        List<FieldPermissionSpec> fields = new ArrayList<>();
        for (Element p : x.children(x.root(), "fieldPermissions")) {
            String field = x.required(p, "field");
            if (field.indexOf('.') <= 0) {
                throw x.error("fieldPermissions/field", "'" + field + "' must be Object.Field");
            }
            boolean editable = x.bool(p, "editable", false);
            boolean readable = x.bool(p, "readable", false);
            if (editable && !readable) {
                throw x.error("fieldPermissions", field + " cannot be editable without being readable");
            }
            fields.add(new FieldPermissionSpec(field, readable, editable));
        }
        List<String> pages = new ArrayList<>();
        for (Element p : x.children(x.root(), "pageAccesses")) {
            if (x.bool(p, "enabled", false)) {
                pages.add(x.required(p, "apexPage"));
            }
        }
        return new PermissionSetSpec(x.file(), apiName, label, x.text("description").orElse(null), user, objects, fields, pages);
    }

    /** Salesforce's object-permission dependencies: create/edit/viewAll need read, delete needs edit, modifyAll needs all. */
    private static void checkDependencies(MetadataXml x, ObjectPermissionSpec o) {
        String problem = null;
        if ((o.create() || o.edit() || o.viewAll()) && !o.read()) {
            problem = "create, edit and view all require read";
        } else if (o.delete() && !o.edit()) {
            problem = "delete requires read and edit";
        } else if (o.modifyAll() && !(o.delete() && o.viewAll())) {
            problem = "modify all requires read, edit, delete and view all";
        }
        if (problem != null) {
            throw x.error("objectPermissions", o.object() + ": " + problem);
        }
    }

    private static PageSpec readPage(Path root, Path f) {
        MetadataXml x = MetadataXml.parse(root, f, "ApexPage");
        String name = baseName(f, PAGE);
        double apiVersion;
        try {
            apiVersion = Math.max(15.0, Double.parseDouble(x.required("apiVersion")));
        } catch (NumberFormatException e) {
            throw x.error("apiVersion", "expected a number like 62.0");
        }
        Path markupFile = f.resolveSibling(name + ".page");
        String markup = null;
        if (Files.exists(markupFile)) {
            try {
                markup = Files.readString(markupFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MetadataException(root.relativize(markupFile).toString(), null, "cannot be read");
            }
        }
        return new PageSpec(x.file(), name, x.required("label"), apiVersion, x.text("description").orElse(null), markup);
    }

    public Optional<ObjectSpec> object(String apiName) {
        return objects.stream().filter(o -> o.apiName().equalsIgnoreCase(apiName)).findFirst();
    }
}
