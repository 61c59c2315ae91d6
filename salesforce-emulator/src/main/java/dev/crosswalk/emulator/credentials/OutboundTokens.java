package dev.crosswalk.emulator.credentials;

import dev.crosswalk.emulator.model.Org;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth tokens an org holds for its External Credential principals (Salesforce's "User
 * External Credential" records). Never readable through the API; saved with the emulator's state.
 */
public final class OutboundTokens {

    /** One principal's tokens; {@code authenticatedBy} is the Salesforce user who ran "Authenticate". */
    public record Tokens(String accessToken, String refreshToken, Instant obtainedAt, String authenticatedBy) {
    }

    private final Map<String, Tokens> byPrincipal = new ConcurrentHashMap<>();

    public static OutboundTokens of(Org org) {
        return org.extension(OutboundTokens.class, OutboundTokens::new);
    }

    /** {@code Crosswalk-Crosswalk_Org}: the External Credential and principal, as permission sets name them. */
    public static String key(String externalCredential, String principal) {
        return (externalCredential + "-" + principal).toLowerCase(Locale.ROOT);
    }

    public Optional<Tokens> get(String key) {
        return Optional.ofNullable(byPrincipal.get(key.toLowerCase(Locale.ROOT)));
    }

    public void put(String key, Tokens tokens) {
        byPrincipal.put(key.toLowerCase(Locale.ROOT), tokens);
    }

    /** Forgets every principal's tokens (the principal is "Not Configured" again); returns how many. */
    public int clear() {
        int n = byPrincipal.size();
        byPrincipal.clear();
        return n;
    }

    public void remove(String key) {
        byPrincipal.remove(key.toLowerCase(Locale.ROOT));
    }

    /** For saving state. */
    public Map<String, Tokens> all() {
        return Map.copyOf(byPrincipal);
    }
}
