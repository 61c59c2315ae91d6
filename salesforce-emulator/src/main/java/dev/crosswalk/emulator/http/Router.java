package dev.crosswalk.emulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes by method and path pattern. Patterns are slash-separated segments where
 * {@code {name}} captures one segment and a trailing {@code {name*}} captures the rest.
 * When several patterns match, the most specific wins: at the first segment where they differ a
 * literal beats a variable, and a variable beats a trailing rest capture; registration order only
 * breaks exact ties. So {@code /sobjects/{type}/describe/layouts} is never read as the external-id
 * lookup {@code /sobjects/{type}/{field}/{value}}, whatever order the feature classes register in.
 */
public final class Router {
    private record Route(String method, String[] segments, Handler handler) {
    }

    /** A matched route: its handler and the captured path variables. */
    public record Match(Handler handler, Map<String, String> vars) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router get(String pattern, Handler h) { return add("GET", pattern, h); }
    public Router post(String pattern, Handler h) { return add("POST", pattern, h); }
    public Router put(String pattern, Handler h) { return add("PUT", pattern, h); }
    public Router patch(String pattern, Handler h) { return add("PATCH", pattern, h); }
    public Router delete(String pattern, Handler h) { return add("DELETE", pattern, h); }

    public synchronized Router add(String method, String pattern, Handler h) {
        routes.add(new Route(method, split(pattern), h));
        return this;
    }

    /** The route for a method and path; empty if none. {@code pathExists} tells 404 from 405. */
    public synchronized Optional<Match> match(String method, String path) {
        String[] parts = split(path);
        Route best = null;
        Map<String, String> bestVars = null;
        for (Route r : routes) {
            if (!r.method.equals(method) && !(method.equals("HEAD") && r.method.equals("GET"))) {
                continue;
            }
            Map<String, String> vars = bind(r.segments, parts);
            if (vars != null && (best == null || moreSpecific(r.segments, best.segments))) {
                best = r;
                bestVars = vars;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Match(best.handler, bestVars));
    }

    /** True when {@code a} is strictly more specific than {@code b} (both match the same path). */
    private static boolean moreSpecific(String[] a, String[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int ka = kind(a[i]);
            int kb = kind(b[i]);
            if (ka != kb) {
                return ka < kb;
            }
        }
        return false;
    }

    /** 0 literal, 1 one-segment variable, 2 rest capture. */
    private static int kind(String segment) {
        if (!segment.startsWith("{")) {
            return 0;
        }
        return segment.endsWith("*}") ? 2 : 1;
    }

    public synchronized boolean pathExists(String path) {
        String[] parts = split(path);
        return routes.stream().anyMatch(r -> bind(r.segments, parts) != null);
    }

    /** Dispatches a request: binds path variables and calls the handler. */
    public Response dispatch(Request request) throws Exception {
        Optional<Match> m = match(request.method(), request.path());
        if (m.isEmpty()) {
            if (pathExists(request.path())) {
                throw ApiException.methodNotAllowed(request.method());
            }
            throw ApiException.notFound();
        }
        request.pathVars(m.get().vars());
        return m.get().handler().handle(request);
    }

    private static Map<String, String> bind(String[] pattern, String[] parts) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String seg = pattern[i];
            if (seg.startsWith("{") && seg.endsWith("*}")) {
                if (i >= parts.length) {
                    return null;
                }
                vars.put(seg.substring(1, seg.length() - 2), String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length)));
                return vars;
            }
            if (i >= parts.length) {
                return null;
            }
            if (seg.startsWith("{") && seg.endsWith("}")) {
                vars.put(seg.substring(1, seg.length() - 1), parts[i]);
            } else if (!seg.equals(parts[i])) {
                return null;
            }
        }
        return pattern.length == parts.length ? vars : null;
    }

    private static String[] split(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/");
    }
}
