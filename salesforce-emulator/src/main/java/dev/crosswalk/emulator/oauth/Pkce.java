package dev.crosswalk.emulator.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** PKCE (RFC 7636), S256 only: Salesforce clients are told to send S256, and plain adds no protection. */
final class Pkce {
    static final String S256 = "S256";
    /** An S256 challenge is base64url(SHA-256) without padding: always 43 characters. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Pkce() {
    }

    static boolean wellFormedChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a verifier hashes to the challenge (compared in constant time). Its length is not
     * checked against RFC 7636's 43–128: jsforce sends 171 characters (base64url of 128 random
     * bytes) and Salesforce accepts them.
     */
    static boolean verifies(String verifier, String challenge) {
        if (verifier == null || verifier.isEmpty() || challenge == null) {
            return false;
        }
        return MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
