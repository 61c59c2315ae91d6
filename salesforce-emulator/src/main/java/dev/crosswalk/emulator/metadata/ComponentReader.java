package dev.crosswalk.emulator.metadata;

import dev.crosswalk.emulator.metadata.SfdxPackage.AppSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.AuthProviderSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.ClassSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.ExternalCredentialSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.FieldPermissionSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.FieldSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.LwcSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.NamedCredentialSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.ObjectPermissionSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.ObjectSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.PageSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.PermissionSetSpec;
import dev.crosswalk.emulator.metadata.SfdxPackage.TabSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Reads one metadata component from its XML element, checking what Salesforce checks for the
 * component on its own (required elements, value ranges, enum values). Shared by the source-format
 * and the Metadata API zip readers: in a zip a field is a {@code <fields>} element of its object file.
 */
final class ComponentReader {
    private static final Set<String> FIELD_TYPES = Set.of("Text", "TextArea", "LongTextArea", "Html", "Number",
            "Currency", "Percent", "Checkbox", "Date", "DateTime", "Url", "Email", "Phone", "Picklist",
            "MultiselectPicklist", "Lookup", "MasterDetail");
    private static final Set<String> KNOWN_BUT_UNSUPPORTED = Set.of("Address", "AutoNumber", "MetadataRelationship",
            "EncryptedText", "ExternalLookup", "IndirectLookup", "Summary", "Hierarchy", "File", "Location", "Time", "Array");
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z](?:[A-Za-z0-9]|_(?!_))*");
    private static final Pattern CLASS_DECLARATION = Pattern.compile(
            "(?i)\\b(?:class|interface|enum)\\s+([A-Za-z][A-Za-z0-9_]*)");

    private ComponentReader() {
    }

    static ObjectSpec object(MetadataXml x, String apiName) {
        if (!apiName.endsWith("__c")) {
            // A standard object's file only changes its settings: nothing to create.
            return new ObjectSpec(x.origin(), apiName, null, null, null, null, false);
        }
        checkApiName(x, apiName.substring(0, apiName.length() - 3), "fullName");
        String label = x.required("label");
        String plural = x.required("pluralLabel");
        Element nameField = x.child(x.root(), "nameField")
                .orElseThrow(() -> x.error("nameField", "Must specify a name field for a custom object"));
        String nameLabel = x.required(nameField, "label");
        String nameType = x.required(nameField, "type");
        String autoNumber = switch (nameType) {
            case "Text" -> null;
            case "AutoNumber" -> x.required(nameField, "displayFormat");
            default -> throw x.error(nameField, "type", "The name field must be of type Text or AutoNumber, not " + nameType);
        };
        boolean controlled = x.text("sharingModel").map("ControlledByParent"::equals).orElse(false);
        return new ObjectSpec(x.origin(), apiName, label, plural, nameLabel, autoNumber, controlled);
    }

    static FieldSpec field(MetadataXml x, String objectName, String apiName) {
        Element root = x.root();
        String fullName = x.text(root, "fullName").orElse(apiName);
        if (!fullName.equals(apiName)) {
            throw x.error(root, "fullName", "The fullName '" + fullName + "' does not match the file name " + apiName);
        }
        if (!apiName.endsWith("__c")) {
            throw x.error(root, "fullName", "Custom field names must end with __c: " + apiName);
        }
        checkApiName(x, apiName.substring(0, apiName.length() - 3), "fullName");
        String type = x.required(root, "type");
        if (!FIELD_TYPES.contains(type)) {
            throw x.error(root, "type", KNOWN_BUT_UNSUPPORTED.contains(type)
                    ? "The emulator does not support custom fields of type " + type
                    : "Error parsing file: '" + type + "' is not a valid value for the enum 'FieldType'");
        }
        String label = x.required(root, "label");
        boolean required = x.bool(root, "required", false);
        int length = x.integer(root, "length", 0);
        int precision = x.integer(root, "precision", 0);
        int scale = x.integer(root, "scale", 0);
        String referenceTo = null;
        String relationshipName = null;
        List<String> values = List.of();
        boolean restricted = false;
        switch (type) {
            case "Text" -> {
                if (length < 1 || length > 255) {
                    throw x.error(root, "length", "Length must be between 1 and 255 for a Text field");
                }
            }
            case "LongTextArea", "Html" -> {
                if (length < 256 || length > 131072) {
                    throw x.error(root, "length", "Length must be between 256 and 131,072 for a " + type + " field");
                }
                x.required(root, "visibleLines");
            }
            case "Number", "Currency", "Percent" -> {
                if (precision < 1 || precision > 18 || scale < 0 || scale > precision) {
                    throw x.error(root, "precision", "The sum of the length and decimal places must be an integer less than or equal to 18");
                }
            }
            case "Checkbox" -> {
                if (required) {
                    throw x.error(root, "required", "A Checkbox field cannot be required");
                }
            }
            case "Lookup", "MasterDetail" -> {
                referenceTo = x.required(root, "referenceTo");
                relationshipName = x.required(root, "relationshipName");
                checkApiName(x, relationshipName, "relationshipName");
                required = required || type.equals("MasterDetail");
            }
            case "Picklist", "MultiselectPicklist" -> {
                Element valueSet = x.child(root, "valueSet").orElseThrow(() -> x.error(root, "valueSet",
                        "Required field is missing: valueSet"));
                restricted = x.bool(valueSet, "restricted", false);
                Element def = x.child(valueSet, "valueSetDefinition").orElseThrow(() -> x.error(valueSet, "valueSetDefinition",
                        "The emulator supports only picklists with their own valueSetDefinition (not global value sets)"));
                List<String> v = new ArrayList<>();
                int defaults = 0;
                for (Element value : x.children(def, "value")) {
                    v.add(x.required(value, "fullName"));
                    defaults += x.bool(value, "default", false) ? 1 : 0;
                }
                if (v.isEmpty()) {
                    throw x.error(def, "A picklist needs at least one value");
                }
                if (defaults > 1) {
                    throw x.error(def, "Only one picklist value can be the default");
                }
                values = v;
            }
            default -> {
                // TextArea, Date, DateTime, Url, Email, Phone: nothing else required
            }
        }
        boolean unique = x.bool(root, "unique", false);
        boolean externalId = x.bool(root, "externalId", false);
        if ((unique || externalId) && !Set.of("Text", "Number", "Email").contains(type)) {
            throw x.error(root, unique ? "unique" : "externalId", "Only Text, Number and Email fields can be unique or external ids");
        }
        return new FieldSpec(x.origin(), objectName, apiName, label, type, length, precision, scale, required,
                unique, externalId, x.bool(root, "caseSensitive", false), referenceTo, relationshipName, values, restricted);
    }

    static PermissionSetSpec permissionSet(MetadataXml x, String apiName) {
        checkApiName(x, apiName, "fullName");
        String label = x.required("label");
        if (label.length() > 80) {
            throw x.error("label", "The label must be at most 80 characters");
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
            checkDependencies(x, p, o);
            objects.add(o);
        }
        List<FieldPermissionSpec> fields = new ArrayList<>();
        for (Element p : x.children(x.root(), "fieldPermissions")) {
            String field = x.required(p, "field");
            if (field.indexOf('.') <= 0) {
                throw x.error(p, "field", "In field: field - '" + field + "' must be Object.Field");
            }
            boolean editable = x.bool(p, "editable", false);
            boolean readable = x.bool(p, "readable", false);
            if (editable && !readable) {
                throw x.error(p, "editable", "Field " + field + " cannot be editable without being readable");
            }
            fields.add(new FieldPermissionSpec(field, readable, editable));
        }
        return new PermissionSetSpec(x.origin(), apiName, label, x.text("description").orElse(null), user, objects, fields,
                enabled(x, "pageAccesses", "apexPage", "enabled"), enabled(x, "classAccesses", "apexClass", "enabled"),
                tabs(x), enabled(x, "applicationVisibilities", "application", "visible"),
                enabled(x, "externalCredentialPrincipalAccesses", "externalCredentialPrincipal", "enabled"));
    }

    private static List<String> enabled(MetadataXml x, String element, String nameElement, String flag) {
        List<String> out = new ArrayList<>();
        for (Element p : x.children(x.root(), element)) {
            String name = x.required(p, nameElement);
            if (x.bool(p, flag, false)) {
                out.add(name);
            }
        }
        return out;
    }

    private static List<String> tabs(MetadataXml x) {
        List<String> out = new ArrayList<>();
        for (Element p : x.children(x.root(), "tabSettings")) {
            String tab = x.required(p, "tab");
            String visibility = x.required(p, "visibility");
            if (!Set.of("Available", "None", "Visible", "DefaultOn", "DefaultOff", "Hidden").contains(visibility)) {
                throw x.error(p, "visibility", "Error parsing file: '" + visibility + "' is not a valid value for the enum 'PermissionSetTabVisibility'");
            }
            if (!visibility.equals("None") && !visibility.equals("Hidden")) {
                out.add(tab);
            }
        }
        return out;
    }

    /** Salesforce's object-permission dependencies: create/edit/viewAll need read, delete needs edit, modifyAll needs all. */
    private static void checkDependencies(MetadataXml x, Element at, ObjectPermissionSpec o) {
        String problem = null;
        if ((o.create() || o.edit() || o.viewAll()) && !o.read()) {
            problem = "Permission Create, Edit and View All depend on permission(s): Read";
        } else if (o.delete() && !o.edit()) {
            problem = "Permission Delete depends on permission(s): Read, Edit";
        } else if (o.modifyAll() && !(o.delete() && o.viewAll())) {
            problem = "Permission Modify All depends on permission(s): Read, Edit, Delete, View All";
        }
        if (problem != null) {
            throw x.error(at, "object", o.object() + ": " + problem + " (create, edit and view all require read)");
        }
    }

    static PageSpec page(MetadataXml x, String name, String markup) {
        checkApiName(x, name, "fullName");
        double apiVersion = Math.max(15.0, apiVersion(x));
        String label = x.required("label");
        if (markup == null) {
            throw x.error(x.root(), "Missing the page markup file " + name + ".page");
        }
        if (!markup.strip().startsWith("<apex:page")) {
            throw new MetadataException(x.origin(), "apex:page", 1, 1, "The markup must start with <apex:page>");
        }
        return new PageSpec(x.origin(), name, label, apiVersion, x.text("description").orElse(null), markup);
    }

    static ClassSpec apexClass(MetadataXml x, String name, String body) {
        checkApiName(x, name, "fullName");
        double apiVersion = apiVersion(x);
        String status = x.text("status").orElse("Active");
        if (!status.equals("Active") && !status.equals("Deleted")) {
            throw x.error("status", "An Apex class's status must be Active or Deleted, not " + status);
        }
        if (body == null) {
            throw x.error(x.root(), "Missing the class body file " + name + ".cls");
        }
        Matcher m = CLASS_DECLARATION.matcher(stripComments(body));
        if (!m.find()) {
            throw new MetadataException(x.origin(), null, 1, 1, "No class, interface or enum declaration found");
        }
        if (!m.group(1).equalsIgnoreCase(name)) {
            throw new MetadataException(x.origin(), null, x.origin().lineOf(m.group(1)), 1,
                    "Invalid type name " + m.group(1) + ": the file declares " + m.group(1) + " but is named " + name);
        }
        return new ClassSpec(x.origin(), name, apiVersion, body);
    }

    private static String stripComments(String body) {
        return body.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }

    static LwcSpec lwc(MetadataXml x, String name, String folder, boolean hasJs) {
        if (!name.equals(folder)) {
            throw x.error(x.root(), "The bundle's files must be named after its folder " + folder);
        }
        if (!Character.isLowerCase(name.charAt(0))) {
            throw x.error(x.root(), "A Lightning web component's name must begin with a lowercase letter: " + name);
        }
        if (!hasJs) {
            throw x.error(x.root(), "The bundle needs a JavaScript file " + name + ".js");
        }
        double apiVersion = apiVersion(x);
        List<String> targets = new ArrayList<>();
        x.child(x.root(), "targets").ifPresent(t -> x.children(t, "target").forEach(e -> targets.add(e.getTextContent().trim())));
        boolean exposed = x.bool(x.root(), "isExposed", false);
        if (!targets.isEmpty() && !exposed) {
            throw x.error("isExposed", "A component with targets must be exposed (isExposed true)");
        }
        List<String> objects = new ArrayList<>();
        x.child(x.root(), "targetConfigs").ifPresent(configs -> {
            for (Element config : x.children(configs, "targetConfig")) {
                x.child(config, "objects").ifPresent(os -> x.children(os, "object")
                        .forEach(o -> objects.add(o.getTextContent().trim())));
            }
        });
        return new LwcSpec(x.origin(), name, apiVersion, targets, objects);
    }

    static TabSpec tab(MetadataXml x, String name) {
        boolean customObject = x.bool(x.root(), "customObject", false);
        String page = x.text("page").orElse(null);
        x.required("motif");
        if (customObject == (page != null)) {
            throw x.error(x.root(), "A tab shows either a custom object (customObject) or a Visualforce page (page)");
        }
        String label = customObject ? null : x.required("label");
        if (customObject && !name.endsWith("__c")) {
            throw x.error("customObject", "A custom object tab must be named after a custom object");
        }
        return new TabSpec(x.origin(), name, label, page, customObject);
    }

    static AppSpec app(MetadataXml x, String name) {
        checkApiName(x, name, "fullName");
        String label = x.required("label");
        List<String> tabs = x.children(x.root(), "tabs").stream().map(e -> e.getTextContent().trim()).toList();
        return new AppSpec(x.origin(), name, label, tabs);
    }

    static AuthProviderSpec authProvider(MetadataXml x, String name) {
        checkApiName(x, name, "fullName");
        String friendlyName = x.required("friendlyName");
        String type = x.required("providerType");
        String authorizeUrl = null;
        String tokenUrl = null;
        if (type.equals("OpenIdConnect")) {
            authorizeUrl = url(x, "authorizeUrl");
            tokenUrl = url(x, "tokenUrl");
            x.required("consumerKey");
        }
        return new AuthProviderSpec(x.origin(), name, friendlyName, type, authorizeUrl, tokenUrl,
                x.text("consumerKey").orElse(null), x.text("consumerSecret").orElse(null),
                x.text("defaultScopes").orElse(""), x.bool(x.root(), "isPkceEnabled", false),
                x.bool(x.root(), "sendClientCredentialsInHeader", false));
    }

    static ExternalCredentialSpec externalCredential(MetadataXml x, String name) {
        checkApiName(x, name, "fullName");
        String label = x.required("label");
        String protocol = x.required("authenticationProtocol");
        if (!Set.of("AwsSv4", "Basic", "Custom", "Oauth", "Jwt", "JwtExchange", "NoAuthentication", "Password").contains(protocol)) {
            throw x.error("authenticationProtocol", "Error parsing file: '" + protocol
                    + "' is not a valid value for the enum 'ExternalCredentialAuthenticationProtocol'");
        }
        String authProvider = null;
        List<String> principals = new ArrayList<>();
        for (Element p : x.children(x.root(), "externalCredentialParameters")) {
            String type = x.required(p, "parameterType");
            String parameterName = x.required(p, "parameterName");
            switch (type) {
                case "AuthProvider" -> authProvider = x.required(p, "authProvider");
                case "NamedPrincipal", "PerUserPrincipal" -> principals.add(x.text(p, "parameterGroup").orElse(parameterName));
                default -> {
                    // AuthParameter, AdditionalRefreshStatusCode…: nothing the emulator enforces
                }
            }
        }
        if (protocol.equals("Oauth") && authProvider == null) {
            throw x.error(x.root(), "An OAuth external credential using the browser flow needs an AuthProvider parameter");
        }
        if (principals.isEmpty()) {
            throw x.error(x.root(), "An external credential needs at least one principal (NamedPrincipal or PerUserPrincipal)");
        }
        return new ExternalCredentialSpec(x.origin(), name, label, protocol, authProvider, principals);
    }

    static NamedCredentialSpec namedCredential(MetadataXml x, String name) {
        checkApiName(x, name, "fullName");
        String label = x.required("label");
        String type = x.text("namedCredentialType").orElse("Legacy");
        if (!type.equals("SecuredEndpoint")) {
            throw x.error("namedCredentialType", "The emulator supports SecuredEndpoint named credentials only, not " + type);
        }
        String url = null;
        String externalCredential = null;
        for (Element p : x.children(x.root(), "namedCredentialParameters")) {
            String parameterType = x.required(p, "parameterType");
            switch (parameterType) {
                case "Url" -> url = checkUrl(x, p, x.required(p, "parameterValue"));
                case "Authentication" -> externalCredential = x.required(p, "externalCredential");
                default -> {
                    // headers, certificates, allowed namespaces: not enforced
                }
            }
        }
        if (url == null) {
            throw x.error(x.root(), "A named credential needs a Url parameter");
        }
        return new NamedCredentialSpec(x.origin(), name, label, url, externalCredential);
    }

    private static String url(MetadataXml x, String element) {
        return checkUrl(x, x.root(), x.required(element));
    }

    private static String checkUrl(MetadataXml x, Element at, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw x.error(at, "Invalid URL: " + value);
    }

    private static double apiVersion(MetadataXml x) {
        String v = x.required("apiVersion");
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw x.error("apiVersion", "Error parsing file: '" + v + "' is not a valid value for the double element apiVersion");
        }
    }

    /** API names: a letter first, then letters, digits and single underscores, not ending in an underscore. */
    private static void checkApiName(MetadataXml x, String name, String element) {
        if (!API_NAME.matcher(name).matches() || name.endsWith("_")) {
            throw x.error(element, "The name '" + name + "' can only contain underscores and alphanumeric characters,"
                    + " must begin with a letter, not include spaces, not end with an underscore, and not contain two"
                    + " consecutive underscores");
        }
    }
}
