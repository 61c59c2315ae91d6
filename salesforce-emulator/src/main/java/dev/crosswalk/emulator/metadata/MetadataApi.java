package dev.crosswalk.emulator.metadata;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.SafeXml;
import dev.crosswalk.emulator.security.EffectiveAccess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;

/**
 * The Metadata API as the sf CLI and jsforce use it for deploys:
 * <ul>
 *   <li>SOAP {@code POST /services/Soap/m/{version}[/{orgId}]}: {@code deploy} (→ AsyncResult),
 *       {@code checkDeployStatus} (→ DeployResult), {@code cancelDeploy}; the session comes from
 *       {@code <SessionHeader><sessionId>}; faults are HTTP 500 {@code soapenv:Fault}.</li>
 *   <li>REST {@code POST /services/data/vNN.0/metadata/deployRequest} (multipart: the zip and a JSON
 *       part {@code entity_content} or {@code json} with {@code deployOptions}) and
 *       {@code GET …/deployRequest/{id}?includeDetails=true}.</li>
 * </ul>
 * Deploying needs Modify All Data or Customize Application, as on Salesforce.
 */
final class MetadataApi {
    private static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private final EmulatorState state;
    private final DeployJobs deploys;

    MetadataApi(EmulatorState state) {
        this.state = state;
        this.deploys = new DeployJobs(state);
    }

    Response soap(Request request) {
        Element envelope;
        try {
            envelope = parse(request.body());
        } catch (SAXException | IOException e) {
            return fault(500, "soapenv:Client", "Unable to parse the SOAP request: " + e.getMessage());
        }
        if (!"Envelope".equals(envelope.getLocalName()) || !SOAP_ENV.equals(envelope.getNamespaceURI())) {
            return fault(500, "soapenv:Client", "Expected a SOAP 1.1 Envelope");
        }
        String sessionId = child(envelope, "Header").flatMap(h -> child(h, "SessionHeader")).flatMap(s -> child(s, "sessionId"))
                .map(e -> e.getTextContent().trim()).orElse(null);
        Optional<Session> session = sessionId == null ? Optional.empty() : state.tokens().authenticate(sessionId)
                .filter(s -> state.isActive(s.org(), s.userId()));
        if (session.isEmpty()) {
            return fault(500, "sf:INVALID_SESSION_ID", "INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session");
        }
        EffectiveAccess access = state.permissions().access(session.get().org(), session.get().userId());
        if (!access.has("PermissionsModifyAllData") && !access.has("PermissionsCustomizeApplication")) {
            return fault(500, "sf:INSUFFICIENT_ACCESS",
                    "INSUFFICIENT_ACCESS: use of the Metadata API requires a user with the ModifyAllData or ModifyMetadata permissions");
        }
        Element operation = child(envelope, "Body").flatMap(MetadataApi::firstElement).orElse(null);
        if (operation == null) {
            return fault(500, "soapenv:Client", "No operation in the SOAP Body");
        }
        Session s = session.get();
        return switch (operation.getLocalName()) {
            case "deploy" -> {
                byte[] zip;
                try {
                    zip = Base64.getMimeDecoder().decode(text(operation, "ZipFile").orElse(""));
                } catch (IllegalArgumentException e) {
                    yield fault(500, "sf:INVALID_ZIP", "INVALID_ZIP: the ZipFile is not base64");
                }
                Element o = child(operation, "DeployOptions").orElse(operation);
                DeployJobs.Options options = new DeployJobs.Options(bool(o, "rollbackOnError", true), bool(o, "ignoreWarnings", false),
                        bool(o, "checkOnly", false), bool(o, "singlePackage", false), text(o, "testLevel").orElse(null));
                String id = deploys.start(s.org(), s.userId(), zip, options);
                yield xml(DeployXml.asyncResult("deploy", id, false, "Queued"));
            }
            case "checkDeployStatus" -> {
                String id = text(operation, "asyncProcessId").orElse("");
                boolean details = bool(operation, "includeDetails", false);
                yield deploys.get(s.org(), id).map(r -> xml(DeployXml.checkDeployStatus(r, details)))
                        .orElseGet(() -> fault(500, "sf:INVALID_ID_FIELD", "INVALID_ID_FIELD: invalid id " + id));
            }
            case "cancelDeploy" -> {
                String id = text(operation, "String").or(() -> text(operation, "id")).orElse("");
                // Deploys here finish within moments: a cancel finds them done.
                yield deploys.get(s.org(), id).map(r -> xml(DeployXml.cancelResult(id, r.done())))
                        .orElseGet(() -> fault(500, "sf:INVALID_ID_FIELD", "INVALID_ID_FIELD: invalid id " + id));
            }
            default -> fault(500, "soapenv:Client", "No operation available for request {http://soap.sforce.com/2006/04/metadata}"
                    + operation.getLocalName() + " (the emulator implements deploy, checkDeployStatus and cancelDeploy)");
        };
    }

    Response restDeploy(Request request) {
        Session s = request.session();
        requireMetadataAccess(s);
        Multipart parts = Multipart.parse(request.header("Content-Type"), request.body());
        byte[] zip = parts.fileBytes().orElseThrow(() -> ApiException.of(400, "INVALID_MULTIPART_REQUEST",
                "The request needs a zip file part"));
        JsonNode json = parts.json().orElse(null);
        JsonNode o = json == null ? null : json.path("deployOptions");
        DeployJobs.Options options = o == null || o.isMissingNode() ? DeployJobs.Options.defaults()
                : new DeployJobs.Options(o.path("rollbackOnError").asBoolean(true), o.path("ignoreWarnings").asBoolean(false),
                        o.path("checkOnly").asBoolean(false), o.path("singlePackage").asBoolean(true),
                        o.path("testLevel").isNull() ? null : o.path("testLevel").asString(null));
        String id = deploys.start(s.org(), s.userId(), zip, options);
        return deploys.get(s.org(), id).map(r -> Response.json(201, DeployXml.restDeployRequest(r, false, url(request, id))))
                .orElseThrow();
    }

    Response restStatus(Request request) {
        Session s = request.session();
        requireMetadataAccess(s);
        String id = request.pathVar("id");
        boolean details = "true".equalsIgnoreCase(request.query("includeDetails"));
        return deploys.get(s.org(), id).map(r -> Response.json(200, DeployXml.restDeployRequest(r, details, url(request, id))))
                .orElseThrow(ApiException::notFound);
    }

    private void requireMetadataAccess(Session s) {
        EffectiveAccess access = state.permissions().access(s.org(), s.userId());
        if (!access.has("PermissionsModifyAllData") && !access.has("PermissionsCustomizeApplication")) {
            throw ApiException.of(403, "INSUFFICIENT_ACCESS",
                    "use of the Metadata API requires a user with the ModifyAllData or ModifyMetadata permissions");
        }
    }

    private String url(Request request, String id) {
        return "/services/data/" + request.pathVar("version") + "/metadata/deployRequest/" + id;
    }

    private static Response xml(String body) {
        return Response.text(200, "text/xml;charset=UTF-8", body);
    }

    private static Response fault(int status, String code, String message) {
        return Response.text(status, "text/xml;charset=UTF-8", DeployXml.fault(code, message));
    }

    private static Element parse(byte[] body) throws SAXException, IOException {
        return SafeXml.documentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
    }

    private static Optional<Element> child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<Element> firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim());
    }

    private static boolean bool(Element parent, String name, boolean defaultValue) {
        return text(parent, name).map("true"::equalsIgnoreCase).orElse(defaultValue);
    }

    /** A small multipart/form-data reader: the zip part (by filename or content type) and the JSON part. */
    record Multipart(List<Map.Entry<Map<String, String>, byte[]>> parts) {
        static Multipart parse(String contentType, byte[] body) {
            String boundary = null;
            if (contentType != null) {
                for (String p : contentType.split(";")) {
                    String t = p.trim();
                    if (t.toLowerCase(java.util.Locale.ROOT).startsWith("boundary=")) {
                        boundary = t.substring(9).replace("\"", "");
                    }
                }
            }
            if (boundary == null) {
                throw ApiException.of(400, "INVALID_MULTIPART_REQUEST", "Content-Type must be multipart/form-data with a boundary");
            }
            byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            List<Map.Entry<Map<String, String>, byte[]>> out = new java.util.ArrayList<>();
            int at = indexOf(body, delimiter, 0);
            while (at >= 0) {
                int start = at + delimiter.length;
                if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                    break;
                }
                start += 2; // CRLF after the boundary
                int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
                int next = indexOf(body, delimiter, start);
                if (headerEnd < 0 || next < 0) {
                    break;
                }
                Map<String, String> headers = new java.util.HashMap<>();
                for (String line : new String(body, start, headerEnd - start, StandardCharsets.ISO_8859_1).split("\r\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        headers.put(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).trim());
                    }
                }
                int contentEnd = next - 2; // CRLF before the next boundary
                out.add(Map.entry(headers, java.util.Arrays.copyOfRange(body, headerEnd + 4, Math.max(headerEnd + 4, contentEnd))));
                at = next;
            }
            return new Multipart(out);
        }

        Optional<byte[]> fileBytes() {
            return parts.stream().filter(p -> p.getKey().getOrDefault("content-disposition", "").contains("filename=")
                    || p.getKey().getOrDefault("content-type", "").contains("zip")).map(Map.Entry::getValue).findFirst();
        }

        Optional<JsonNode> json() {
            return parts.stream().filter(p -> {
                String d = p.getKey().getOrDefault("content-disposition", "");
                return d.contains("name=\"entity_content\"") || d.contains("name=\"json\"");
            }).map(p -> dev.crosswalk.emulator.http.Json.parse(p.getValue())).findFirst();
        }

        private static int indexOf(byte[] data, byte[] pattern, int from) {
            outer:
            for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
