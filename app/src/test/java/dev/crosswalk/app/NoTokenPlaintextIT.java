package dev.crosswalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.emulator.auth.RefreshGrant;
import dev.crosswalk.emulator.auth.TokenStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No Salesforce token, client secret or password in plaintext in the database (every text,
 * json and bytea column of every table, like a dump) or in the logs of the whole integration-test
 * run. Ordered last so the logs of every other IT class in this JVM are scanned too.
 */
@Order(Integer.MAX_VALUE)
class NoTokenPlaintextIT extends AppIntegrationTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    void neither_the_database_nor_the_logs_of_the_run_contain_a_token_secret_or_password() {
        ApiClient admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        TestOrg sf = SalesforceFixture.newOrg("Plaintext Org");
        sf.addAccount("Secretive Co", "secretive.example");
        String id = Syncs.connect(admin, sf);
        Syncs.awaitRun(admin, id, 1);
        TokenStore tokens = SalesforceFixture.emulator().state().tokens();
        Set<String> secrets = new LinkedHashSet<>(issuedTokens(tokens));
        // The access token expires: the service refreshes it (a path that must not log tokens either).
        tokens.expireSessionsOfUser(sf.integrationUserId());
        assertThat(admin.post("/api/v1/integrations/" + id + "/sync", Map.of()).status()).isEqualTo(202);
        assertThat(Syncs.awaitRun(admin, id, 2).get("status").asString()).isEqualTo("SUCCEEDED");
        secrets.addAll(issuedTokens(tokens));
        assertThat(secrets).as("tokens issued to the service").hasSizeGreaterThanOrEqualTo(3);
        secrets.addAll(List.of(ADMIN_PASSWORD, SalesforceFixture.PASSWORD, SalesforceFixture.CLIENT_SECRET));

        String dump = dump();
        assertThat(dump).as("the dump is not empty").contains("Secretive Co");
        String logs = LogCapture.text();
        assertThat(logs).as("the logs were captured").contains("dev.crosswalk");
        for (String secret : secrets) {
            assertThat(dump).as("database dump").doesNotContain(secret);
            assertThat(logs).as("logs of the test run").doesNotContain(secret);
            // Salesforce access tokens are "<org id>!<random>": the random part alone must not leak either.
            if (secret.contains("!")) {
                String tail = secret.substring(secret.indexOf('!') + 1);
                assertThat(dump).doesNotContain(tail);
                assertThat(logs).doesNotContain(tail);
            }
        }
    }

    private static List<String> issuedTokens(TokenStore tokens) {
        List<String> out = new ArrayList<>();
        tokens.sessions().forEach(s -> {
            if (s.session().clientId().equals(SalesforceFixture.CLIENT_ID)) {
                out.add(s.session().token());
            }
        });
        for (RefreshGrant g : tokens.refreshGrants()) {
            if (g.clientId().equals(SalesforceFixture.CLIENT_ID)) {
                out.add(g.token());
            }
        }
        return out;
    }

    /** Like pg_dump's data: every text-like, json and bytea column of every table in the public schema. */
    private String dump() {
        StringBuilder out = new StringBuilder();
        List<Map<String, Object>> columns = jdbc.sql("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
                order by table_name, ordinal_position""").query().listOfRows();
        assertThat(columns).hasSizeGreaterThan(10);
        for (Map<String, Object> c : columns) {
            String column = "\"" + c.get("column_name") + "\"";
            String expr = "bytea".equals(c.get("data_type"))
                    ? "encode(" + column + ", 'escape')"
                    : column + "::text";
            jdbc.sql("select " + expr + " from \"" + c.get("table_name") + "\" where " + column + " is not null")
                    .query(String.class).list().forEach(v -> out.append(v).append('\n'));
        }
        return out.toString();
    }
}
