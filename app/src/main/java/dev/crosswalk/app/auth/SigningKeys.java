package dev.crosswalk.app.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.crosswalk.app.system.SecretCipher;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The authorization server's JWT signing keys, kept in PostgreSQL so that every node and every
 * restart signs and verifies with the same keys. The private JWK is encrypted with
 * {@link SecretCipher}, bound to its key id. The first node to need a key creates it under an
 * advisory lock; the others read it. Signing reads the key set from the database on each use (once
 * per token issue), so a key rotated on one node signs on all at once. Verification (once per package
 * API call) uses the key set last read as long as it holds the token's key, and reads again only for
 * a key it does not know: keys are never deleted (a rotation retires one, it keeps verifying), so a
 * known key can only still be valid, and a key rotated in on another node is found at its first token.
 */
@Component
class SigningKeys implements JWKSource<SecurityContext> {
    private static final long LOCK = 0x43575f4a574b53L; // "CW_JWKS": serializes first-key creation across nodes

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile CachedSet cached;

    private record CachedSet(List<String> kids, JWKSet set) {
    }

    SigningKeys(JdbcClient jdbc, SecretCipher cipher, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(keySet());
    }

    /** The keys for verifying signatures: the last set read when it has the key asked for, else a fresh read. */
    JWKSource<SecurityContext> verifying() {
        return (selector, context) -> {
            CachedSet c = cached;
            if (c != null) {
                List<JWK> known = selector.select(c.set());
                if (!known.isEmpty()) {
                    return known;
                }
            }
            return selector.select(keySet());
        };
    }

    /** The current key set: the active key first, then retired ones still verifying. Creates the first key if none. */
    JWKSet keySet() {
        List<String> kids = jdbc.sql("select kid from outbound_signing_key order by retired_at nulls first, created_at desc")
                .query(String.class).list();
        if (kids.isEmpty()) {
            createFirstKey();
            return keySet();
        }
        CachedSet c = cached;
        if (c != null && c.kids().equals(kids)) {
            // Decrypting and parsing on every call would cost more than the lookup it guards.
            return c.set();
        }
        List<JWK> keys = jdbc.sql("select kid, private_jwk_enc from outbound_signing_key order by retired_at nulls first, created_at desc")
                .query((rs, n) -> parse(cipher.decrypt(rs.getBytes(2), associatedData(rs.getString(1))))).list();
        JWKSet set = new JWKSet(keys);
        cached = new CachedSet(kids, set);
        return set;
    }

    /** Starts signing with a new key; the old one keeps verifying the tokens it signed. */
    void rotate() {
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
            jdbc.sql("update outbound_signing_key set retired_at = ? where retired_at is null").param(Timestamp.from(clock.instant())).update();
            insert(newKey());
        });
    }

    private void createFirstKey() {
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
            Long active = jdbc.sql("select count(*) from outbound_signing_key where retired_at is null").query(Long.class).single();
            if (active == 0) {
                insert(newKey());
            }
        });
    }

    private void insert(RSAKey key) {
        jdbc.sql("insert into outbound_signing_key (kid, private_jwk_enc, created_at) values (?, ?, ?)")
                .params(key.getKeyID(), cipher.encrypt(key.toJSONString(), associatedData(key.getKeyID())), Timestamp.from(clock.instant()))
                .update();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key is not a JWK", e);
        }
    }

    private static String associatedData(String kid) {
        return "outbound_signing_key:" + kid;
    }
}
