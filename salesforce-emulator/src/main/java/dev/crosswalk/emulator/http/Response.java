package dev.crosswalk.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response: status, headers and either a byte body or a streaming writer (Bulk results
 * stream millions of rows without building them in memory).
 */
public final class Response {

    /** Writes a streamed body; called once, after headers are sent (chunked encoding). */
    @FunctionalInterface
    public interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;
    private final BodyWriter writer;

    private Response(int status, String contentType, byte[] body, BodyWriter writer) {
        this.status = status;
        this.body = body;
        this.writer = writer;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    public static Response json(int status, Object value) {
        return new Response(status, "application/json;charset=UTF-8", Json.bytes(value), null);
    }

    public static Response empty(int status) {
        return new Response(status, null, new byte[0], null);
    }

    public static Response text(int status, String contentType, String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** Raw bytes with a content type (null for none), e.g. a forwarded upstream answer. */
    public static Response bytes(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body, null);
    }

    public static Response html(int status, String html) {
        return text(status, "text/html;charset=UTF-8", html);
    }

    public static Response redirect(String location) {
        return empty(302).header("Location", location);
    }

    public static Response stream(int status, String contentType, BodyWriter writer) {
        return new Response(status, contentType, null, writer);
    }

    public Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() { return status; }
    public Map<String, String> headers() { return headers; }
    /** The byte body, or null for a streamed response. */
    public byte[] body() { return body; }
    public BodyWriter writer() { return writer; }

    public String bodyAsString() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }
}
