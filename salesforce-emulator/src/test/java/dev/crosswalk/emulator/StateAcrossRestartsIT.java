package dev.crosswalk.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.persist.StateFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateAcrossRestartsIT {
    @TempDir
    Path dataDir;

    @Test
    void an_org_user_and_session_made_before_a_restart_are_there_after_it() {
        String token;
        String orgId;
        EmulatorOptions options = EmulatorOptions.builder().port(0).dataDir(dataDir).build();
        try (SalesforceEmulator sf = SalesforceEmulator.start(options)) {
            var org = sf.state().createOrg("Acme Corp");
            orgId = org.id();
            String user = sf.state().createUser(org, new NewUser("u@acme.example", "U", "Ser", "u@acme.example",
                    EmulatorState.PROFILE_STANDARD), "pw");
            token = sf.state().tokens().issueSession(org, user, "test", Set.of("api"), null).token();
        }
        assertThat(dataDir.resolve("emulator-state.json.gz")).exists();
        try (SalesforceEmulator sf = SalesforceEmulator.start(options)) {
            assertThat(sf.state().org(orgId)).isPresent();
            assertThat(sf.state().checkPassword("u@acme.example", "pw")).isTrue();
            assertThat(sf.state().tokens().authenticate(token)).isPresent();
        }
    }

    @Test
    void a_corrupt_state_file_stops_the_start_with_a_message_naming_it() throws Exception {
        Files.writeString(dataDir.resolve("emulator-state.json.gz"), "garbage");
        assertThatThrownBy(() -> SalesforceEmulator.start(EmulatorOptions.builder().port(0).dataDir(dataDir).build()))
                .isInstanceOf(StateFileException.class)
                .hasMessageContaining("emulator-state.json.gz");
    }
}
