package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.data.RecordInput;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.SafeXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads Bulk API 1.0 request bodies: a {@code jobInfo} (XML or JSON) and the records of a batch (CSV,
 * XML {@code <sObjects><sObject>…}, or a JSON array), all turned into the header-and-cells rows that
 * {@link RowWriter} writes, so the three formats behave alike. Null is {@code #N/A} in CSV,
 * {@code xsi:nil="true"} in XML and {@code null} in JSON; a field a record leaves out is not changed.
 */
final class AsyncInput {
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    record Rows(List<String> header, List<List<String>> rows) {
    }

    private AsyncInput() {
    }

    /** The child elements (XML) or keys (JSON) of a {@code jobInfo}, by name. */
    static Map<String, String> jobInfo(byte[] body, boolean json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json) {
            JsonNode node = readJson(body, "InvalidJob");
            if (!node.isObject()) {
                throw AsyncError.invalidJob("The job request must be a JSON object");
            }
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
            return out;
        }
        Element root = readXml(body, "InvalidJob");
        if (!"jobInfo".equals(root.getLocalName())) {
            throw AsyncError.of("InvalidJob", "Unable to parse the job: the root element must be jobInfo, not "
                    + root.getLocalName());
        }
        for (Element child : children(root)) {
            out.put(child.getLocalName(), child.getTextContent().trim());
        }
        return out;
    }

    static Rows rows(byte[] body, AsyncJob.ContentType type) {
        return switch (type) {
            case CSV -> csv(body);
            case XML -> xml(body);
            case JSON -> json(body);
        };
    }

    /** Bulk API 1.0 takes LF or CRLF; the header row's end tells which the file uses. */
    private static Rows csv(byte[] body) {
        int lf = indexOf(body, (byte) '\n');
        LineEnding ending = lf > 0 && body[lf - 1] == '\r' ? LineEnding.CRLF : LineEnding.LF;
        try {
            IngestCsv.Parsed parsed = IngestCsv.parse(body, ColumnDelimiter.COMMA, ending);
            return new Rows(parsed.header(), parsed.rows());
        } catch (IngestCsv.Unreadable e) {
            throw AsyncError.invalidBatch(e.getMessage());
        }
    }

    private static Rows xml(byte[] body) {
        Element root = readXml(body, "InvalidBatch");
        if (!"sObjects".equals(root.getLocalName())) {
            throw AsyncError.invalidBatch("InvalidBatch : The root element must be sObjects, not " + root.getLocalName());
        }
        List<Map<String, String>> records = new ArrayList<>();
        for (Element sObject : children(root)) {
            Map<String, String> record = new LinkedHashMap<>();
            for (Element field : children(sObject)) {
                List<Element> nested = children(field);
                if (nested.isEmpty()) {
                    record.put(field.getLocalName(), xmlValue(field));
                } else {
                    // <Parent><External__c>X</External__c></Parent>: a lookup through the parent's external id
                    for (Element key : nested) {
                        record.put(field.getLocalName() + "." + key.getLocalName(), xmlValue(key));
                    }
                }
            }
            records.add(record);
        }
        return table(records);
    }

    private static String xmlValue(Element e) {
        return "true".equals(e.getAttributeNS(XSI, "nil")) ? RecordInput.CSV_NULL : e.getTextContent();
    }

    private static Rows json(byte[] body) {
        JsonNode node = readJson(body, "InvalidBatch");
        if (!node.isArray()) {
            throw AsyncError.invalidBatch("InvalidBatch : The batch must be a JSON array of records");
        }
        List<Map<String, String>> records = new ArrayList<>();
        for (JsonNode item : node) {
            Map<String, String> record = new LinkedHashMap<>();
            item.properties().forEach(e -> {
                if (e.getKey().equals("attributes")) {
                    return;
                }
                JsonNode v = e.getValue();
                if (v.isObject()) {
                    v.properties().stream().filter(k -> !k.getKey().equals("attributes"))
                            .forEach(k -> record.put(e.getKey() + "." + k.getKey(), jsonValue(k.getValue())));
                } else {
                    record.put(e.getKey(), jsonValue(v));
                }
            });
            records.add(record);
        }
        return table(records);
    }

    private static String jsonValue(JsonNode v) {
        return v == null || v.isNull() ? RecordInput.CSV_NULL : v.asText();
    }

    /** Records with possibly different fields as one table; a field a record lacks is an empty (unchanged) cell. */
    private static Rows table(List<Map<String, String>> records) {
        Map<String, String> columns = new LinkedHashMap<>(); // lower-case name -> first spelling
        records.forEach(r -> r.keySet().forEach(k -> columns.putIfAbsent(k.toLowerCase(Locale.ROOT), k)));
        List<String> header = List.copyOf(columns.values());
        List<List<String>> rows = new ArrayList<>(records.size());
        for (Map<String, String> r : records) {
            Map<String, String> byLower = new LinkedHashMap<>();
            r.forEach((k, v) -> byLower.put(k.toLowerCase(Locale.ROOT), v));
            List<String> cells = new ArrayList<>(header.size());
            for (String column : columns.keySet()) {
                String v = byLower.get(column);
                cells.add(v == null ? "" : v);
            }
            rows.add(cells);
        }
        return new Rows(header, rows);
    }

    private static JsonNode readJson(byte[] body, String code) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw AsyncError.of(code, "Unable to parse the JSON request: " + e.getOriginalMessage());
        }
    }

    private static Element readXml(byte[] body, String code) {
        int from = 0;
        while (from < body.length && Character.isWhitespace(body[from])) {
            from++; // jsforce sends a blank before the XML declaration of a state change
        }
        try {
            return SafeXml.documentBuilder().parse(new ByteArrayInputStream(body, from, body.length - from)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw AsyncError.of(code, "Unable to parse the XML request: " + e.getMessage());
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static int indexOf(byte[] data, byte b) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
