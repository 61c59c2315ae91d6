package dev.crosswalk.emulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdsTest {

    @ParameterizedTest
    @CsvSource({
            "001A0000006Vm9r, 001A0000006Vm9rIAC",
            "003A0000005QB3A, 003A0000005QB3AIAW",
            "00Dx0000000BV7z, 00Dx0000000BV7zEAG"})
    void the_18_character_suffix_matches_salesforce(String id15, String id18) {
        assertThat(Ids.to18(id15)).isEqualTo(id18);
    }

    @Test
    void an_18_character_id_in_the_wrong_case_is_repaired_by_its_suffix() {
        String id18 = Ids.to18("001Rx00000000aB");
        assertThat(Ids.normalize(id18.toLowerCase())).contains(id18);
        assertThat(Ids.normalize(id18.toUpperCase().substring(0, 15) + id18.substring(15))).contains(id18);
    }

    @Test
    void a_15_character_id_is_case_sensitive() {
        assertThat(Ids.normalize("001Rx00000000aB")).isNotEqualTo(Ids.normalize("001Rx00000000AB"));
    }

    @Test
    void garbage_is_not_an_id() {
        assertThat(Ids.normalize("hello")).isEmpty();
        assertThat(Ids.normalize("001Rx00000000a!")).isEmpty();
        assertThat(Ids.normalize(null)).isEmpty();
    }

    @Test
    void generated_ids_carry_the_key_prefix_and_are_unique() {
        assertThat(Ids.id15("001", 1)).startsWith("001").hasSize(15);
        assertThat(Ids.id15("001", 62)).isNotEqualTo(Ids.id15("001", 1));
    }

    @Test
    void two_orgs_of_one_emulator_never_hand_out_the_same_record_id() {
        var state = new dev.crosswalk.emulator.EmulatorState(dev.crosswalk.emulator.EmulatorOptions.builder().build());
        Org acme = state.createOrg("Acme");
        Org globex = state.createOrg("Globex");
        SObjectType account = acme.type("Account").orElseThrow();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(acme.newId(account));
            ids.add(globex.newId(globex.type("Account").orElseThrow()));
        }
        assertThat(ids).hasSize(2000);
        assertThat(acme.newId(account)).startsWith("001" + acme.pod() + "0");
    }
}
