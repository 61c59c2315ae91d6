package dev.crosswalk.salesforce.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** PKCE (RFC 7636) S256 and random {@code state} values. */
public final class Pkce {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private Pkce() {
    }

    /** 64 random bytes → 86 base64url characters (RFC 7636 allows 43..128 unreserved characters). */
    public static String newVerifier() {
        return random(64);
    }

    public static String newState() {
        return random(32);
    }

    /** {@code BASE64URL-NOPAD(SHA-256(ASCII(verifier)))}. */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return B64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return B64URL.encodeToString(b);
    }
}
