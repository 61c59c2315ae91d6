package dev.crosswalk.emulator.auth;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A connected app: consumer key and secret, callback URLs (patterns with {@code *} wildcards,
 * so one demo app accepts any loopback port), scopes, and refresh-token rotation.
 */
public final class ConnectedApp {
    private final String name;
    private final String clientId;
    private final String clientSecret;
    private final List<String> callbackPatterns;
    private final List<Pattern> compiled;
    private final Set<String> scopes;
    private volatile boolean rotateRefreshTokens;
    private volatile boolean requirePkce;

    public ConnectedApp(String name, String clientId, String clientSecret, List<String> callbackPatterns, Set<String> scopes) {
        this.name = name;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.callbackPatterns = List.copyOf(callbackPatterns);
        this.compiled = callbackPatterns.stream().map(ConnectedApp::glob).toList();
        this.scopes = Set.copyOf(scopes);
    }

    public String name() { return name; }
    public String clientId() { return clientId; }
    public String clientSecret() { return clientSecret; }
    public List<String> callbackPatterns() { return callbackPatterns; }
    public Set<String> scopes() { return scopes; }
    public boolean rotateRefreshTokens() { return rotateRefreshTokens; }
    public void rotateRefreshTokens(boolean rotate) { rotateRefreshTokens = rotate; }
    public boolean requirePkce() { return requirePkce; }
    public void requirePkce(boolean require) { requirePkce = require; }

    /** Exact match against a configured callback, where {@code *} matches any run of characters. */
    public boolean callbackAllowed(String redirectUri) {
        return redirectUri != null && compiled.stream().anyMatch(p -> p.matcher(redirectUri).matches());
    }

    private static Pattern glob(String pattern) {
        // A trailing * matches any path; an inner * (e.g. the port) cannot cross '/', '@', '?' or
        // '#', so "http://127.0.0.1:*/*" never admits "http://127.0.0.1:1@evil.example/".
        String[] parts = pattern.split("\\*", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(i == parts.length - 1 && parts[i].isEmpty() ? ".*" : "[^/?#@]*");
            }
            re.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }
}
