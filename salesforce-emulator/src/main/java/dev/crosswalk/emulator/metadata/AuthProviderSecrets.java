package dev.crosswalk.emulator.metadata;

import dev.crosswalk.emulator.model.Org;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Auth. Provider consumer secrets of one org. Salesforce never returns them through the API, so
 * they are kept beside the records rather than in an AuthProvider field SOQL could read.
 */
public final class AuthProviderSecrets {
    private final Map<String, String> byProvider = new ConcurrentHashMap<>();

    public static AuthProviderSecrets of(Org org) {
        return org.extension(AuthProviderSecrets.class, AuthProviderSecrets::new);
    }

    public void put(String authProvider, String secret) {
        byProvider.put(authProvider.toLowerCase(java.util.Locale.ROOT), secret);
    }

    public Optional<String> get(String authProvider) {
        return Optional.ofNullable(byProvider.get(authProvider.toLowerCase(java.util.Locale.ROOT)));
    }

    /** For saving state: provider name (lower case) → secret. */
    public Map<String, String> all() {
        return Map.copyOf(byProvider);
    }
}
