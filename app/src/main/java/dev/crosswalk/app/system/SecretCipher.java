package dev.crosswalk.app.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for secrets at rest (OAuth tokens, PKCE verifiers, webhook secrets). Each
 * ciphertext is {@code version | 12-byte nonce | ciphertext+tag} and is bound to an
 * associated-data string (the owning row's id), so a ciphertext copied to another row does
 * not decrypt. The key comes from {@code crosswalk.encryption-key} (base64, 32 bytes); without
 * it one is generated once under the data directory (the embedded default).
 */
@Component
public class SecretCipher {
    private static final Logger LOG = LoggerFactory.getLogger(SecretCipher.class);
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(@Value("${crosswalk.encryption-key:}") String configuredKey,
            @Value("${crosswalk.data-dir:./data}") Path dataDir) {
        this.key = new SecretKeySpec(loadKey(configuredKey, dataDir), "AES");
    }

    public byte[] encrypt(String plaintext, String associatedData) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[1 + NONCE_BYTES + ct.length];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            System.arraycopy(ct, 0, out, 1 + NONCE_BYTES, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(byte[] sealed, String associatedData) {
        if (sealed == null) {
            return null;
        }
        if (sealed.length < 1 + NONCE_BYTES + 16 || sealed[0] != VERSION) {
            throw new IllegalStateException("not a Crosswalk ciphertext");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 1, NONCE_BYTES));
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] pt = c.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            return new String(pt, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong crosswalk.encryption-key or tampered data", e);
        }
    }

    private static byte[] loadKey(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            byte[] k = Base64.getDecoder().decode(configured.trim());
            if (k.length != 32) {
                throw new IllegalStateException("crosswalk.encryption-key must be 32 bytes, base64 encoded");
            }
            return k;
        }
        Path file = dataDir.resolve("encryption.key");
        try {
            if (Files.exists(file)) {
                byte[] k = Base64.getDecoder().decode(Files.readString(file).trim());
                if (k.length != 32) {
                    throw new IllegalStateException(file + " does not hold a 32-byte key");
                }
                return k;
            }
            Files.createDirectories(dataDir);
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Files.writeString(file, Base64.getEncoder().encodeToString(k));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Non-POSIX file systems keep default permissions.
            }
            LOG.info("Generated a new encryption key at {} (set crosswalk.encryption-key in production)", file);
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the encryption key at " + file, e);
        }
    }
}
