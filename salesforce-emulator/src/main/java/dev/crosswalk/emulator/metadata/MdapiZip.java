package dev.crosswalk.emulator.metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.w3c.dom.Element;

/**
 * A Metadata API deploy zip (what {@code sf project deploy start} and jsforce send): a
 * {@code package.xml} manifest at the root (or under one folder for {@code singlePackage=false})
 * and the components in Metadata API format — an object's fields inlined in
 * {@code objects/X.object}, {@code -meta.xml} suffixes stripped for XML-only types. Reads the
 * members the manifest names into an {@link SfdxPackage}, keeping every problem per component.
 */
public final class MdapiZip {
    /** A manifest member and the zip file that holds it. */
    public record Member(String type, String fullName, String file) {
    }

    /** What the zip holds: the package, the manifest's members, and the per-component problems found reading it. */
    public record Read(SfdxPackage pkg, List<Member> members, List<MetadataException> failures, String apiVersion) {
    }

    private static final long MAX_UNZIPPED = 200L * 1024 * 1024;
    private static final Map<String, String[]> FOLDERS = Map.ofEntries(
            Map.entry("PermissionSet", new String[] {"permissionsets", ".permissionset"}),
            Map.entry("ApexPage", new String[] {"pages", ".page"}),
            Map.entry("ApexClass", new String[] {"classes", ".cls"}),
            Map.entry("CustomTab", new String[] {"tabs", ".tab"}),
            Map.entry("CustomApplication", new String[] {"applications", ".app"}),
            Map.entry("AuthProvider", new String[] {"authproviders", ".authprovider"}),
            Map.entry("ExternalCredential", new String[] {"externalCredentials", ".externalCredential"}),
            Map.entry("NamedCredential", new String[] {"namedCredentials", ".namedCredential"}));

    private MdapiZip() {
    }

    public static Read read(byte[] zip) {
        Map<String, byte[]> files = unzip(zip);
        String prefix = "";
        if (!files.containsKey("package.xml")) {
            prefix = files.keySet().stream().filter(f -> f.endsWith("/package.xml") && f.indexOf('/') == f.length() - 12)
                    .map(f -> f.substring(0, f.length() - 11)).findFirst().orElse(null);
            if (prefix == null) {
                throw new MetadataException(new Origin("", "package.xml", "package.xml", null), null, 0, 0, "No package.xml found");
            }
        }
        Map<String, byte[]> root = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                root.put(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        MetadataXml manifest = MetadataXml.parse("", "package.xml", "package.xml", root.get("package.xml"), "Package");
        List<Member> members = new ArrayList<>();
        for (Element types : manifest.children(manifest.root(), "types")) {
            String type = manifest.required(types, "name");
            for (Element m : manifest.children(types, "members")) {
                String name = m.getTextContent().trim();
                members.add(new Member(type, name, fileOf(type, name)));
            }
        }
        SfdxPackage.Builder b = new SfdxPackage.Builder();
        List<MetadataException> failures = new ArrayList<>();
        Set<String> objectMembers = new java.util.HashSet<>();
        members.stream().filter(m -> m.type().equals("CustomObject")).forEach(m -> objectMembers.add(m.fullName()));
        Map<String, List<Member>> fieldsByObject = new LinkedHashMap<>();
        for (Member m : members) {
            if (m.type().equals("CustomField")) {
                fieldsByObject.computeIfAbsent(m.fullName().substring(0, Math.max(0, m.fullName().indexOf('.'))),
                        k -> new ArrayList<>()).add(m);
            }
        }
        for (Member m : members) {
            try {
                readMember(root, m, objectMembers, b, failures);
            } catch (MetadataException e) {
                failures.add(e);
            }
        }
        for (Map.Entry<String, List<Member>> e : fieldsByObject.entrySet()) {
            readFields(root, e.getKey(), e.getValue(), b, failures);
        }
        return new Read(b.build(), members, failures, manifest.text("version").orElse(null));
    }

    private static void readMember(Map<String, byte[]> root, Member m, Set<String> objects, SfdxPackage.Builder b,
            List<MetadataException> failures) {
        switch (m.type()) {
            case "CustomObject" -> b.objects.add(ComponentReader.object(parse(root, m, "CustomObject"), m.fullName()));
            case "CustomField" -> {
                // read with its object file below
            }
            case "PermissionSet" -> b.permissionSets.add(ComponentReader.permissionSet(parse(root, m, "PermissionSet"), m.fullName()));
            case "ApexPage" -> b.pages.add(ComponentReader.page(parse(root, m.type(), m.fullName(), m.file() + "-meta.xml", "ApexPage"),
                    m.fullName(), text(root.get(m.file()))));
            case "ApexClass" -> b.classes.add(ComponentReader.apexClass(parse(root, m.type(), m.fullName(), m.file() + "-meta.xml",
                    "ApexClass"), m.fullName(), text(root.get(m.file()))));
            case "LightningComponentBundle" -> {
                String meta = "lwc/" + m.fullName() + "/" + m.fullName() + ".js-meta.xml";
                b.lwcs.add(ComponentReader.lwc(parse(root, m.type(), m.fullName(), meta, "LightningComponentBundle"), m.fullName(),
                        m.fullName(), root.containsKey("lwc/" + m.fullName() + "/" + m.fullName() + ".js")));
            }
            case "CustomTab" -> b.tabs.add(ComponentReader.tab(parse(root, m, "CustomTab"), m.fullName()));
            case "CustomApplication" -> b.apps.add(ComponentReader.app(parse(root, m, "CustomApplication"), m.fullName()));
            case "AuthProvider" -> b.authProviders.add(ComponentReader.authProvider(parse(root, m, "AuthProvider"), m.fullName()));
            case "ExternalCredential" -> b.externalCredentials.add(ComponentReader.externalCredential(
                    parse(root, m, "ExternalCredential"), m.fullName()));
            case "NamedCredential" -> b.namedCredentials.add(ComponentReader.namedCredential(
                    parse(root, m, "NamedCredential"), m.fullName()));
            default -> b.skipped.add(m.type() + " " + m.fullName());
        }
    }

    /** Fields are {@code <fields>} elements of their object's file; each one is its own component. */
    private static void readFields(Map<String, byte[]> root, String object, List<Member> fields, SfdxPackage.Builder b,
            List<MetadataException> failures) {
        String file = "objects/" + object + ".object";
        MetadataXml x;
        try {
            x = parse(root, "CustomObject", object, file, "CustomObject");
        } catch (MetadataException e) {
            fields.forEach(f -> failures.add(new MetadataException(new Origin("CustomField", f.fullName(), file, null),
                    e.element(), e.line(), e.column(), e.problem())));
            return;
        }
        Map<String, Element> inline = new LinkedHashMap<>();
        for (Element f : x.children(x.root(), "fields")) {
            x.text(f, "fullName").ifPresent(n -> inline.put(n, f));
        }
        for (Member m : fields) {
            String name = m.fullName().substring(object.length() + 1);
            Element e = inline.get(name);
            MetadataXml fx = x.as("CustomField", m.fullName(), e == null ? x.root() : e);
            try {
                if (e == null) {
                    throw notInZip(m);
                }
                b.fields.add(ComponentReader.field(fx, object, name));
            } catch (MetadataException ex) {
                failures.add(ex);
            }
        }
    }

    private static MetadataXml parse(Map<String, byte[]> root, Member m, String rootElement) {
        return parse(root, m.type(), m.fullName(), m.file(), rootElement);
    }

    private static MetadataXml parse(Map<String, byte[]> root, String type, String fullName, String file, String rootElement) {
        byte[] bytes = root.get(file);
        if (bytes == null) {
            throw notInZip(new Member(type, fullName, file));
        }
        return MetadataXml.parse(type, fullName, file, bytes, rootElement);
    }

    private static MetadataException notInZip(Member m) {
        return new MetadataException(new Origin(m.type(), m.fullName(), m.file() == null ? "package.xml" : m.file(), null), null, 0, 0,
                "An object '" + m.fullName() + "' of type " + m.type() + " was named in package.xml, but was not found in zipped directory");
    }

    /** The zip path of a member (the object file for fields), or null for types the emulator only acknowledges. */
    static String fileOf(String type, String fullName) {
        if (type.equals("CustomObject")) {
            return "objects/" + fullName + ".object";
        }
        if (type.equals("CustomField")) {
            return "objects/" + fullName.substring(0, Math.max(0, fullName.indexOf('.'))) + ".object";
        }
        if (type.equals("LightningComponentBundle")) {
            return "lwc/" + fullName;
        }
        String[] folder = FOLDERS.get(type);
        return folder == null ? null : folder[0] + "/" + fullName + folder[1];
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> out = new TreeMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName().replace('\\', '/');
                if (name.startsWith("/") || name.contains("../")) {
                    throw new MetadataException("zip", null, "unsafe entry name " + name);
                }
                byte[] bytes = in.readAllBytes();
                total += bytes.length;
                if (total > MAX_UNZIPPED) {
                    throw new MetadataException("zip", null, "The unzipped deploy is larger than 200 MB");
                }
                out.put(name, bytes);
            }
        } catch (IOException e) {
            throw new MetadataException("zip", null, "The deploy is not a valid zip file: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new MetadataException("zip", null, "The deploy is not a valid zip file (no entries)");
        }
        return out;
    }
}
