package dev.crosswalk.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "20|Winter '11",
            "31|Summer '14",
            "58|Summer '23",
            "59|Winter '24",
            "60|Spring '24",
            "62|Winter '25",
            "66|Spring '26"})
    void versions_carry_their_release_names(int version, String label) {
        assertThat(ApiVersions.label(version)).isEqualTo(label);
    }
}
