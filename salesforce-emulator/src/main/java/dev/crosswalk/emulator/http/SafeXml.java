package dev.crosswalk.emulator.http;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * The one way the emulator parses XML a client sent (Metadata API envelopes, Bulk API 1.0 jobs and batches):
 * namespace-aware, with DOCTYPEs refused and entities not expanded, so a request body can neither read local
 * files nor blow up memory (XXE, billion laughs).
 */
public final class SafeXml {
    private SafeXml() {
    }

    /** A fresh builder (builders are not thread-safe) that reports a malformed body only by throwing, never on stderr. */
    public static DocumentBuilder documentBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
