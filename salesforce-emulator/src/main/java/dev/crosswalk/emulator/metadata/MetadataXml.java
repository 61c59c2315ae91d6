package dev.crosswalk.emulator.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** One parsed metadata file: a root element of an expected type and typed accessors that name the file in errors. */
final class MetadataXml {
    static final String NAMESPACE = "http://soap.sforce.com/2006/04/metadata";

    private final String file;
    private final Element root;

    private MetadataXml(String file, Element root) {
        this.file = file;
        this.root = root;
    }

    /** Parses with external entities disabled: metadata folders may come from anywhere. */
    static MetadataXml parse(Path base, Path path, String expectedRoot) {
        String file = base.relativize(path).toString();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Element root = b.parse(Files.newInputStream(path)).getDocumentElement();
            if (!expectedRoot.equals(root.getLocalName())) {
                throw new MetadataException(file, root.getLocalName(), "expected root element <" + expectedRoot + ">");
            }
            if (root.getNamespaceURI() != null && !NAMESPACE.equals(root.getNamespaceURI())) {
                throw new MetadataException(file, expectedRoot, "unexpected XML namespace " + root.getNamespaceURI());
            }
            return new MetadataXml(file, root);
        } catch (SAXException e) {
            throw new MetadataException(file, null, "not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new MetadataException(file, null, "cannot be read: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    String file() { return file; }
    Element root() { return root; }

    Optional<String> text(Element parent, String name) {
        for (Element e : children(parent, name)) {
            return Optional.of(e.getTextContent().trim());
        }
        return Optional.empty();
    }

    Optional<String> text(String name) {
        return text(root, name);
    }

    String required(Element parent, String name) {
        return text(parent, name).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new MetadataException(file, name, "required element is missing or empty"));
    }

    String required(String name) {
        return required(root, name);
    }

    boolean bool(Element parent, String name, boolean defaultValue) {
        Optional<String> v = text(parent, name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        return switch (v.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new MetadataException(file, name, "expected true or false but found '" + v.get() + "'");
        };
    }

    int integer(Element parent, String name, int defaultValue) {
        Optional<String> v = text(parent, name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw new MetadataException(file, name, "expected a whole number but found '" + v.get() + "'");
        }
    }

    List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    Optional<Element> child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
    }

    MetadataException error(String element, String message) {
        return new MetadataException(file, element, message);
    }
}
