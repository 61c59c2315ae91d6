package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.SalesforceException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A successful (status < 400) response whose body may still be streaming. Close it when done. */
public final class ApiResponse implements AutoCloseable {

    private final HttpResponse<InputStream> response;

    ApiResponse(HttpResponse<InputStream> response) {
        this.response = response;
    }

    public int status() {
        return response.statusCode();
    }

    public HttpHeaders headers() {
        return response.headers();
    }

    public Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /** The body as a stream; the caller owns it and must close it (or this response). */
    public InputStream stream() {
        return response.body();
    }

    public byte[] bytes() {
        try (InputStream in = response.body()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SalesforceException(ErrorClassifier.ioFailure("reading response failed: "
                    + e.getClass().getSimpleName()), e);
        }
    }

    /** The JSON body, or a missing node for an empty body (204). */
    public JsonNode json() {
        byte[] b = bytes();
        if (b.length == 0) {
            return Json.MAPPER.missingNode();
        }
        try {
            return Json.parse(b);
        } catch (JacksonException e) {
            throw new SalesforceException(ErrorClassifier.unparseable(status()), e);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and closes an error response, returning its body (bounded: error bodies are small). */
    static byte[] drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return in.readNBytes(256 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
