package dev.crosswalk.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 11 item 3: the embedded PostgreSQL is not open to other local users. Started the way the
 * service starts it (no Spring needed), then attacked the way the report did.
 */
class EmbeddedPostgresLockdownIT {
    @TempDir
    Path dataDir;

    private EmbeddedPostgresLockdown.Credentials credentials() {
        return EmbeddedPostgresLockdown.Credentials.loadOrCreate(dataDir.resolve(EmbeddedPostgresLockdown.CREDENTIALS_FILE));
    }

    private static Connection connect(EmbeddedPostgres pg, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(EmbeddedPostgresConfig.jdbcUrl(pg), p);
    }

    @Test
    void no_trust_no_socket_loopback_only_and_the_service_is_no_superuser() throws Exception {
        EmbeddedPostgresLockdown.Credentials credentials = credentials();
        try (EmbeddedPostgres pg = EmbeddedPostgresConfig.start(dataDir, 0, credentials)) {
            String hba = Files.readString(dataDir.resolve("postgres/pg_hba.conf"));
            assertThat(hba.lines().filter(l -> !l.startsWith("#") && !l.isBlank())).allSatisfy(l ->
                    assertThat(l).doesNotContain("trust").contains("scram-sha-256").contains("127.0.0.1/32"));

            assertThatThrownBy(() -> connect(pg, "postgres", null).close()).as("superuser without a password")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(pg, "postgres", "guess").close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(pg, EmbeddedPostgresLockdown.SERVICE_ROLE, null).close()).isInstanceOf(SQLException.class);

            try (Connection c = connect(pg, EmbeddedPostgresLockdown.SERVICE_ROLE, credentials.servicePassword())) {
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
                assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
                assertThat(jdbc.sql("select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'public'").query(String.class)
                        .single()).isEqualTo(EmbeddedPostgresLockdown.SERVICE_ROLE);
                try (Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.executeQuery("select pg_read_file('PG_VERSION')"))
                            .as("the service cannot read server files (the encryption key lives beside them)")
                            .hasMessageContaining("permission denied");
                    s.execute("create table service_owned (id int)");
                }
            }
            try (Connection c = connect(pg, "postgres", credentials.superuserPassword())) {
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
                assertThat(jdbc.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
                assertThat(jdbc.sql("show unix_socket_directories").query(String.class).single()).as("no socket").isEmpty();
                assertThat(jdbc.sql("show password_encryption").query(String.class).single()).isEqualTo("scram-sha-256");
            }
        }
        Path file = dataDir.resolve(EmbeddedPostgresLockdown.CREDENTIALS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres")))).isEqualTo("rwx------");

        // A restart reuses the stored passwords.
        try (EmbeddedPostgres pg = EmbeddedPostgresConfig.start(dataDir, 0, credentials());
                Connection c = connect(pg, EmbeddedPostgresLockdown.SERVICE_ROLE, credentials.servicePassword());
                Statement s = c.createStatement()) {
            assertThat(s.executeQuery("select count(*) from service_owned").next()).isTrue();
        }
    }

    @Test
    void a_data_directory_from_before_the_lockdown_is_locked_and_its_tables_handed_to_the_service() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start();
                Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table legacy (id bigserial primary key, name text)");
            s.execute("insert into legacy (name) values ('kept')");
        }
        EmbeddedPostgresLockdown.Credentials credentials = credentials();
        try (EmbeddedPostgres pg = EmbeddedPostgresConfig.start(dataDir, 0, credentials)) {
            assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).doesNotContain("trust\n");
            assertThatThrownBy(() -> connect(pg, "postgres", null).close()).isInstanceOf(SQLException.class);
            try (Connection c = connect(pg, EmbeddedPostgresLockdown.SERVICE_ROLE, credentials.servicePassword());
                    Statement s = c.createStatement()) {
                s.execute("insert into legacy (name) values ('added by the service')");
                var rs = s.executeQuery("select count(*) from legacy");
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }
}
