package dev.crosswalk.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crosswalk.emulator.http.ApiException;
import org.junit.jupiter.api.Test;

class LocatorTest {

    @Test
    void a_locator_looks_like_salesforce_base64_of_the_offset() {
        assertThat(Locator.encode(10000)).isEqualTo("MTAwMDA");
    }

    @Test
    void decoding_returns_the_encoded_offset() {
        assertThat(Locator.decode(Locator.encode(12345), 20000)).isEqualTo(12345);
    }

    @Test
    void no_locator_means_the_first_page() {
        assertThat(Locator.decode(null, 5)).isZero();
    }

    @Test
    void garbage_or_out_of_range_locators_are_refused() {
        assertThatThrownBy(() -> Locator.decode("!!", 5)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Locator.decode(Locator.encode(6), 5)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Locator.decode("bnVsbA", 5)).isInstanceOf(ApiException.class);
    }
}
