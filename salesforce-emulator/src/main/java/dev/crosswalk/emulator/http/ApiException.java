package dev.crosswalk.emulator.http;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Salesforce API error: rendered as {@code [{"message","errorCode","fields"}]} with its HTTP
 * status, the shape every REST client (jsforce included) parses.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String errorCode;
    private final List<String> fields;

    private ApiException(int status, String errorCode, String message, List<String> fields) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static ApiException of(int status, String errorCode, String message) {
        return new ApiException(status, errorCode, message, List.of());
    }

    public static ApiException withFields(int status, String errorCode, String message, List<String> fields) {
        return new ApiException(status, errorCode, message, fields);
    }

    public static ApiException notFound() {
        return of(404, "NOT_FOUND", "The requested resource does not exist");
    }

    public static ApiException invalidSession() {
        return of(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }

    public static ApiException badRequest(String errorCode, String message) {
        return of(400, errorCode, message);
    }

    public static ApiException methodNotAllowed(String method) {
        return of(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method + "' not allowed. Allowed are GET,HEAD,POST,PATCH,DELETE");
    }

    public int status() { return status; }
    public String errorCode() { return errorCode; }
    public List<String> fields() { return fields; }

    /** One error object, as used in the top-level array. */
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("message", getMessage());
        n.put("errorCode", errorCode);
        if (!fields.isEmpty()) {
            ArrayNode f = n.putArray("fields");
            fields.forEach(f::add);
        }
        return n;
    }

    public Response toResponse() {
        ArrayNode body = Json.array();
        body.add(toJson());
        return Response.json(status, body);
    }
}
