package dev.crosswalk.emulator.auth;

import java.time.Instant;
import java.util.Set;

/** A one-time authorization code from the web-server flow, bound to its redirect URI and PKCE challenge. */
public record AuthCode(String code, String orgId, String userId, String clientId, String redirectUri, Set<String> scopes,
        String codeChallenge, String codeChallengeMethod, Instant issuedAt) {
}
