package dev.crosswalk.emulator.metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One parsed metadata file: a root element of an expected type and typed accessors that name
 * the component, file, line and element in errors (what a deploy reports as a component failure).
 */
final class MetadataXml {
    static final String NAMESPACE = "http://soap.sforce.com/2006/04/metadata";
    private static final String LINE = "line";
    private static final String COLUMN = "column";

    private final Origin origin;
    private final Element root;

    private MetadataXml(Origin origin, Element root) {
        this.origin = origin;
        this.root = root;
    }

    /**
     * Parses with DOCTYPEs refused and secure processing on (metadata may come from anywhere),
     * keeping each element's line so errors can point at it.
     */
    static MetadataXml parse(String componentType, String fullName, String file, byte[] bytes, String expectedRoot) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Origin origin = new Origin(componentType, fullName, file, text);
        Element root;
        try {
            root = LineNumberingBuilder.parse(bytes).getDocumentElement();
        } catch (SAXParseException e) {
            throw new MetadataException(origin, null, e.getLineNumber(), e.getColumnNumber(),
                    "Error parsing file: " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new MetadataException(origin, null, 0, 0, "Error parsing file: " + e.getMessage());
        }
        MetadataXml x = new MetadataXml(origin, root);
        if (!expectedRoot.equals(root.getLocalName())) {
            throw x.error(root, "Error parsing file: expected root element <" + expectedRoot + "> but found <"
                    + root.getLocalName() + ">");
        }
        if (root.getNamespaceURI() != null && !NAMESPACE.equals(root.getNamespaceURI())) {
            throw x.error(root, "Error parsing file: unexpected XML namespace " + root.getNamespaceURI());
        }
        return x;
    }

    Origin origin() { return origin; }
    String file() { return origin.file(); }
    Element root() { return root; }

    Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim());
    }

    Optional<String> text(String name) {
        return text(root, name);
    }

    String required(Element parent, String name) {
        return text(parent, name).filter(s -> !s.isEmpty())
                .orElseThrow(() -> error(parent, name, "Required field is missing: " + name));
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
            default -> throw error(child(parent, name).orElse(parent), name,
                    "Error parsing file: '" + v.get() + "' is not a valid value for the boolean element " + name);
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
            throw error(child(parent, name).orElse(parent), name,
                    "Error parsing file: '" + v.get() + "' is not a valid value for the int element " + name);
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

    /** An error at the element named {@code name} under {@code parent} (or at the parent when it is absent). */
    MetadataException error(Element parent, String name, String message) {
        Element at = child(parent, name).orElse(parent);
        return new MetadataException(origin, name, lineOf(at), columnOf(at), message);
    }

    MetadataException error(Element at, String message) {
        return new MetadataException(origin, at.getLocalName(), lineOf(at), columnOf(at), message);
    }

    /** An error at the root's child {@code name}. */
    MetadataException error(String name, String message) {
        return error(root, name, message);
    }

    /** The same file seen as another component (a field inlined in an mdapi object file). */
    MetadataXml as(String componentType, String fullName, Element newRoot) {
        return new MetadataXml(new Origin(componentType, fullName, origin.file(), origin.text()), newRoot);
    }

    static int columnOf(Element e) {
        Object column = e.getUserData(COLUMN);
        return column instanceof Integer i ? i : 0;
    }

    static int lineOf(Element e) {
        Object line = e.getUserData(LINE);
        return line instanceof Integer i ? i : 0;
    }

    /** Builds a namespace-aware DOM from SAX events, recording each element's start line. */
    private static final class LineNumberingBuilder extends DefaultHandler {
        private final Document doc;
        private final Deque<Node> open = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private Locator locator;

        private LineNumberingBuilder(Document doc) {
            this.doc = doc;
            open.push(doc);
        }

        static Document parse(byte[] bytes) throws SAXException, IOException {
            try {
                DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
                dbf.setNamespaceAware(true);
                Document doc = dbf.newDocumentBuilder().newDocument();
                SAXParserFactory f = SAXParserFactory.newInstance();
                f.setNamespaceAware(true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                SAXParser parser = f.newSAXParser();
                parser.parse(new ByteArrayInputStream(bytes), new LineNumberingBuilder(doc));
                return doc;
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flushText();
            Element e = doc.createElementNS(uri == null || uri.isEmpty() ? null : uri, qName);
            for (int i = 0; i < attributes.getLength(); i++) {
                String attrUri = attributes.getURI(i);
                e.setAttributeNS(attrUri == null || attrUri.isEmpty() ? null : attrUri, attributes.getQName(i), attributes.getValue(i));
            }
            e.setUserData(LINE, locator == null ? 0 : locator.getLineNumber(), null);
            // The locator stands just after the start tag; without attributes this is where "<name" began.
            e.setUserData(COLUMN, locator == null ? 0 : Math.max(1, locator.getColumnNumber() - qName.length() - 2), null);
            open.peek().appendChild(e);
            open.push(e);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText();
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        private void flushText() {
            if (!text.isEmpty() && open.peek() instanceof Element parent) {
                parent.appendChild(doc.createTextNode(text.toString()));
            }
            text.setLength(0);
        }
    }
}
