package dev.crosswalk.emulator.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.auth.ConnectedApp;
import dev.crosswalk.emulator.auth.RefreshGrant;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.credentials.OutboundTokens;
import dev.crosswalk.emulator.metadata.AuthProviderSecrets;
import dev.crosswalk.emulator.metadata.CrosswalkPackage;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    @TempDir
    Path dir;

    private final EmulatorOptions options = EmulatorOptions.builder().build();

    @Test
    void a_saved_state_loads_back_with_schema_records_users_and_tokens() throws Exception {
        EmulatorState state = new EmulatorState(options);
        Org org = state.createOrg("Acme Corp");
        PackageInstaller.install(org, CrosswalkPackage.path());
        String userId = state.createUser(org, new NewUser("int@acme.example", "Int", "User", "int@acme.example",
                EmulatorState.PROFILE_STANDARD), "Passw0rd!");
        ConnectedApp app = state.addConnectedApp("Crosswalk", "cid", "secret", List.of("http://127.0.0.1:*/*"), Set.of("api", "refresh_token"));
        app.rotateRefreshTokens(true);
        RefreshGrant grant = state.tokens().issueRefreshToken(org, userId, "cid", Set.of("api"));
        Session session = state.tokens().issueSession(org, userId, "cid", Set.of("api"), grant.token());
        SObjectType account = org.type("Account").orElseThrow();
        SObjectType overlap = org.type("Ecosystem_Overlap__c").orElseThrow();
        Record acme = org.write(() -> {
            Record r = RecordLifecycle.create(org, account, userId);
            r.set(account.require("Name"), "Acme \"Rockets\", Ltd — ünïcode");
            r.set(account.require("NumberOfEmployees"), 42);
            r.set(account.require("AnnualRevenue"), 1234.5);
            Record deleted = RecordLifecycle.create(org, account, userId);
            deleted.set(account.require("Name"), "Gone");
            RecordLifecycle.softDelete(org, account, deleted, userId);
            Record o = RecordLifecycle.create(org, overlap, userId);
            o.set(overlap.require("Crosswalk_Key__c"), "x-1");
            o.set(overlap.require("Account__c"), r.id());
            return r;
        });
        AuthProviderSecrets.of(org).put("Crosswalk", "client-secret-1");
        OutboundTokens.of(org).put("Crosswalk-Crosswalk_Org", new OutboundTokens.Tokens("at-1", "rt-1",
                java.time.Instant.parse("2026-12-01T10:00:00Z"), userId));
        Path file = dir.resolve("state.json.gz");

        StateFile.save(state, file);
        EmulatorState loaded = StateFile.load(options, file);

        Org org2 = loaded.org(org.id()).orElseThrow();
        assertThat(org2.name()).isEqualTo("Acme Corp");
        SObjectType account2 = org2.type("Account").orElseThrow();
        assertThat(org2.store(account2).size()).isEqualTo(2);
        for (FieldDef f : account.fields()) {
            assertThat(org2.store(account2).get(acme.id()).get(account2.require(f.name()))).as(f.name()).isEqualTo(acme.get(f));
        }
        assertThat(loaded.user("INT@acme.example")).map(EmulatorState.UserRef::userId).contains(userId);
        assertThat(loaded.checkPassword("int@acme.example", "Passw0rd!")).isTrue();
        assertThat(loaded.app("cid")).map(ConnectedApp::rotateRefreshTokens).contains(true);
        assertThat(loaded.tokens().refreshGrant(grant.token())).isPresent();
        assertThat(loaded.tokens().authenticate(session.token())).map(Session::userId).contains(userId);
        assertThat(loaded.permissions().access(org2, userId).canRead(account2)).isTrue();

        SObjectType overlap2 = org2.type("Ecosystem_Overlap__c").orElseThrow();
        assertThat(overlap2.require("Crosswalk_Key__c").externalId()).isTrue();
        Record next = org2.write(() -> RecordLifecycle.create(org2, overlap2, userId));
        assertThat(next.get(overlap2.require("Name"))).isEqualTo("OVL-000002");
        assertThat(next.id()).isNotIn(acme.id());
        assertThat(loaded.createOrg("Another").id()).isNotEqualTo(org.id());
        assertThat(AuthProviderSecrets.of(org2).get("crosswalk")).contains("client-secret-1");
        assertThat(OutboundTokens.of(org2).get("crosswalk-crosswalk_org")).contains(new OutboundTokens.Tokens("at-1", "rt-1",
                java.time.Instant.parse("2026-12-01T10:00:00Z"), userId));
    }

    @Test
    void the_state_file_holding_tokens_and_secrets_is_readable_by_its_owner_only() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        EmulatorState state = new EmulatorState(options);
        state.createOrg("Acme Corp");
        state.addConnectedApp("Crosswalk", "cid", "secret", List.of("http://127.0.0.1:*/*"), Set.of("api"));
        Path file = dir.resolve(StatePersistence.FILE_NAME);
        Files.writeString(file, "an older, world-readable file");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        StateFile.save(state, file);

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void a_foreign_json_file_is_refused_with_a_clear_message() throws IOException {
        Path file = dir.resolve("state.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("{\"format\":\"something-else\",\"orgs\":[]}".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> StateFile.load(options, file))
                .isInstanceOf(StateFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not a Salesforce emulator state file")
                .hasMessageContaining("--data-dir");
    }

    @Test
    void a_file_that_is_not_gzip_is_refused() throws IOException {
        Path file = dir.resolve("state.json.gz");
        Files.writeString(file, "hello, I am a text file");
        assertThatThrownBy(() -> StateFile.load(options, file)).isInstanceOf(StateFileException.class)
                .hasMessageContaining("not a gzip");
    }

    @Test
    void a_truncated_file_is_refused() throws Exception {
        EmulatorState state = new EmulatorState(options);
        state.createOrg("Acme");
        Path file = dir.resolve("state.json.gz");
        StateFile.save(state, file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> StateFile.load(options, file)).isInstanceOf(StateFileException.class)
                .hasMessageContaining("corrupt");
    }

    @Test
    void dates_survive_the_round_trip() throws Exception {
        EmulatorState state = new EmulatorState(options);
        Org org = state.createOrg("Acme");
        SObjectType opp = org.type("Opportunity").orElseThrow();
        Record r = org.write(() -> {
            Record o = RecordLifecycle.create(org, opp, null);
            o.set(opp.require("CloseDate"), LocalDate.of(2026, 12, 31));
            return o;
        });
        Path file = dir.resolve("s.json.gz");
        StateFile.save(state, file);
        Org loaded = StateFile.load(options, file).org(org.id()).orElseThrow();
        assertThat(loaded.store("Opportunity").get(r.id()).get(loaded.type("Opportunity").orElseThrow().require("CloseDate")))
                .isEqualTo(LocalDate.of(2026, 12, 31));
    }
}
