package dev.crosswalk.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The optional TLS listener's certificate: a fresh self-signed one per start (EC P-256, valid for
 * {@code 127.0.0.1} and {@code localhost}, one year), made by the JDK's own {@code keytool} so the
 * emulator needs no crypto library. The key store ({@code emulator-tls.p12}, random password kept
 * in memory only) and the certificate as PEM ({@code emulator-tls.pem}, for clients to trust, e.g.
 * {@code NODE_EXTRA_CA_CERTS}) are written to the given folder, next to the saved state.
 */
public final class SelfSignedTls {
    public static final String PEM_FILE = "emulator-tls.pem";
    static final String KEYSTORE_FILE = "emulator-tls.p12";

    private final SSLContext context;
    private final String sha256Fingerprint;
    private final Path pem;

    private SelfSignedTls(SSLContext context, String sha256Fingerprint, Path pem) {
        this.context = context;
        this.sha256Fingerprint = sha256Fingerprint;
        this.pem = pem;
    }

    public SSLContext context() {
        return context;
    }

    /** {@code AB:CD:…}, the SHA-256 of the DER certificate, as browsers and {@code openssl} show it. */
    public String sha256Fingerprint() {
        return sha256Fingerprint;
    }

    public Path pem() {
        return pem;
    }

    public static SelfSignedTls generate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path store = dir.resolve(KEYSTORE_FILE);
            Files.deleteIfExists(store);
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", "emulator",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "365",
                    "-dname", "CN=127.0.0.1, O=Crosswalk Salesforce emulator", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass:env", "EMULATOR_TLS_PASSWORD"));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            // The password goes through the environment, never the command line other users can read.
            pb.environment().put("EMULATOR_TLS_PASSWORD", new String(password));
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool could not generate the TLS certificate: " + output.trim());
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf.getKeyManagers(), null, null);
            Certificate cert = ks.getCertificate("emulator");
            byte[] der = cert.getEncoded();
            Path pem = dir.resolve(PEM_FILE);
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END CERTIFICATE-----\n");
            String fingerprint = HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
            return new SelfSignedTls(ssl, fingerprint, pem);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the TLS certificate to " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the generated TLS certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while generating the TLS certificate", e);
        }
    }
}
