package dev.crosswalk.app.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One row Salesforce should hold: an {@code Ecosystem_Overlap__c} record (kind OVERLAP, key = its
 * {@code Crosswalk_Key__c}) or the two Crosswalk fields of an Account (kind ACCOUNT, key = its id).
 * {@code values} are the content fields; the two times are added when written and are not part of
 * the hash, so a row is rewritten only when what it says changed.
 *
 * @param partnerOrgId the partner the row is about (null for ACCOUNT rows)
 */
record DesiredRow(Kind kind, String key, Map<String, Object> values, UUID partnerOrgId, byte[] hash) {

    enum Kind { OVERLAP, ACCOUNT }

    DesiredRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static DesiredRow of(Kind kind, String key, Map<String, Object> values, UUID partnerOrgId) {
        return new DesiredRow(kind, key, values, partnerOrgId, hash(values));
    }

    /** SHA-256 of the values in field order-independent form (null distinct from empty). */
    static byte[] hash(Map<String, Object> values) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(values).forEach((k, v) -> b.append(k).append('=').append(v == null ? "\u0000" : v.toString()).append('\n'));
        try {
            return MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
