package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.EffectiveAccess;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /sobjects} (describeGlobal), {@code GET /sobjects/{type}} (basic info) and
 * {@code GET /sobjects/{type}/describe}, all filtered by the caller's access and answering
 * {@code If-Modified-Since} with 304. An object the caller cannot read is indistinguishable from
 * one that does not exist: 404 {@code NOT_FOUND}.
 */
final class DescribeRoutes {
    private DescribeRoutes() {
    }

    static void register(Router router, EmulatorState state, ApiGate gate) {
        DescribeVersions versions = new DescribeVersions(state.clock());
        router.get("/services/data/{version}/sobjects", gate.protect(req ->
                conditional(state, versions, req, Describer::global)));
        router.get("/services/data/{version}/sobjects/{type}", gate.protect(req ->
                conditional(state, versions, req, d -> d.basicInfo(readableType(state, req)))));
        router.get("/services/data/{version}/sobjects/{type}/describe", gate.protect(req ->
                conditional(state, versions, req, d -> d.describe(readableType(state, req)))));
    }

    private static SObjectType readableType(EmulatorState state, Request req) {
        Session s = req.session();
        EffectiveAccess access = state.permissions().access(s.org(), s.userId());
        return s.org().type(req.pathVar("type")).filter(access::canRead).orElseThrow(ApiException::notFound);
    }

    private static Response conditional(EmulatorState state, DescribeVersions versions, Request req,
            Function<Describer, ObjectNode> build) {
        Session s = req.session();
        EffectiveAccess access = state.permissions().access(s.org(), s.userId());
        Describer describer = new Describer(s.org(), access, req.apiVersion(), state.baseUrl());
        ObjectNode body = s.org().read(() -> build.apply(describer));
        byte[] bytes = Json.bytes(body);
        String key = s.org().id() + "/" + s.userId() + "/" + req.path();
        if (versions.unchangedSince(key, bytes, req.header("If-Modified-Since"))) {
            return Response.empty(304);
        }
        return Response.json(200, body);
    }
}
