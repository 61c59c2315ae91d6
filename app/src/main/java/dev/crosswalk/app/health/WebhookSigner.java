package dev.crosswalk.app.health;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 webhook signatures: {@code X-Crosswalk-Signature: sha256=<hex>} over
 * {@code <X-Crosswalk-Timestamp>.<body>}, so a receiver can reject both forged and replayed
 * (old timestamp) deliveries. Receivers compare in constant time, as {@link #verify} does.
 */
public final class WebhookSigner {
    public static final String SIGNATURE_HEADER = "X-Crosswalk-Signature";
    public static final String TIMESTAMP_HEADER = "X-Crosswalk-Timestamp";

    private WebhookSigner() {
    }

    public static String sign(String secret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The headers of one signed POST: who sends, which event, when, and the signature over timestamp and body. */
    static Map<String, String> headers(String event, String secret, long timestampSeconds, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "Crosswalk-Webhooks/1");
        headers.put("X-Crosswalk-Event", event);
        headers.put(TIMESTAMP_HEADER, Long.toString(timestampSeconds));
        headers.put(SIGNATURE_HEADER, sign(secret, timestampSeconds, body));
        return headers;
    }

    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, ts, body).getBytes(StandardCharsets.UTF_8),
                signatureHeader.trim().getBytes(StandardCharsets.UTF_8));
    }
}
