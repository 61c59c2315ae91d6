package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** A tiny HTTP client for REST tests: a bearer token, JSON in, status + JSON out. */
record RestClient(HttpClient http, String baseUrl, String token, String version) {

    static RestClient of(String baseUrl, String token) {
        return new RestClient(HttpClient.newHttpClient(), baseUrl, token, "v62.0");
    }

    RestClient withVersion(String v) {
        return new RestClient(http, baseUrl, token, v);
    }

    /** A response: status, headers and the body parsed as JSON (null when empty). */
    record Reply(int status, HttpResponse<String> raw, JsonNode json) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String errorCode() {
            return json.get(0).get("errorCode").asString();
        }

        String message() {
            return json.get(0).get("message").asString();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    Reply send(String method, String path, Object body) {
        String url = baseUrl + (path.startsWith("/services") ? path : "/services/data/" + version + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : Json.MAPPER.writeValueAsString(body);
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body() == null || r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body());
            return new Reply(r.statusCode(), r, json);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        }
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    Reply patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }
}
