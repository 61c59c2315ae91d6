package dev.crosswalk.emulator.http;

import dev.crosswalk.emulator.auth.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** An incoming request, decoupled from the HTTP server so handlers are plain functions. */
public final class Request {
    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers;
    private final InputStream bodyStream;
    private final String remoteAddress;
    private byte[] body;
    private Map<String, String> pathVars = Map.of();
    private Session session;
    private String apiVersion;

    public Request(String method, String path, String rawQuery, Map<String, String> headers, InputStream bodyStream,
            String remoteAddress) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = parseForm(rawQuery);
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        this.headers = Collections.unmodifiableMap(h);
        this.bodyStream = bodyStream;
        this.remoteAddress = remoteAddress;
    }

    /** For tests and internal dispatch (composite sub-requests). */
    public static Request of(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {
        Request r = new Request(method, path, rawQuery, headers, InputStream.nullInputStream(), "127.0.0.1");
        r.body = body == null ? new byte[0] : body;
        return r;
    }

    public String method() { return method; }
    public String path() { return path; }
    public String rawQuery() { return rawQuery; }
    public String remoteAddress() { return remoteAddress; }

    /** First value of a query parameter, or null. */
    public String query(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public Map<String, List<String>> queryParams() {
        return query;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String pathVar(String name) {
        return pathVars.get(name);
    }

    void pathVars(Map<String, String> vars) {
        this.pathVars = vars;
    }

    /** The raw body, read fully on first use. Bulk uploads use {@link #bodyStream()} instead. */
    public byte[] body() {
        if (body == null) {
            try {
                body = bodyStream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body;
    }

    /** The body as a stream, for large uploads; do not mix with {@link #body()}. */
    public InputStream bodyStream() {
        return body != null ? new java.io.ByteArrayInputStream(body) : bodyStream;
    }

    public String bodyString() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** The body as JSON; a malformed body is Salesforce's {@code JSON_PARSER_ERROR}. */
    public JsonNode json() {
        byte[] b = body();
        if (b.length == 0) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "The request body is empty or not valid JSON");
        }
        try {
            return Json.parse(b);
        } catch (JacksonException e) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "Unexpected character in the request body: "
                    + e.getOriginalMessage());
        }
    }

    /** Form parameters of an {@code application/x-www-form-urlencoded} body, merged over the query string. */
    public Map<String, String> form() {
        Map<String, String> out = new LinkedHashMap<>();
        query.forEach((k, v) -> out.put(k, v.get(0)));
        String ct = header("Content-Type");
        if (ct == null || ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            parseForm(bodyString()).forEach((k, v) -> out.put(k, v.get(0)));
        }
        return out;
    }

    public Session session() { return session; }
    public void session(Session s) { this.session = s; }
    /** The API version of a {@code /services/data/vXX.X/...} request, e.g. {@code 59.0}. */
    public String apiVersion() { return apiVersion; }
    public void apiVersion(String v) { this.apiVersion = v; }

    public static Map<String, List<String>> parseForm(String encoded) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
