package dev.crosswalk.app.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyncSettingsTest {
    private static final Set<String> ACCOUNT_FIELDS = Set.of("Id", "OwnerId", "Name", "Website", "IsDeleted", "SystemModstamp",
            "CreatedDate", "Industry", "Type", "Phone");
    private final SyncSettings settings = new SyncSettings(Map.of("Account", List.of("Industry", "Type")));

    @Test
    void the_fields_to_request_are_the_always_on_ones_the_object_has_then_the_chosen_ones() {
        assertThat(settings.fieldsFor("Account", ACCOUNT_FIELDS)).containsExactly("Id", "OwnerId", "Name", "Website", "IsDeleted",
                "SystemModstamp", "CreatedDate", "Industry", "Type");
        assertThat(settings.fieldsFor("Account", Set.of("Id", "Name", "SystemModstamp", "Type")))
                .containsExactly("Id", "Name", "SystemModstamp", "Type");
    }

    @Test
    void a_list_the_settings_gave_before_is_asked_for_again_while_nothing_changed() {
        List<String> last = settings.fieldsFor("Account", ACCOUNT_FIELDS);
        assertThat(settings.asksExactlyFor("Account", last)).isTrue();
    }

    @Test
    void a_selected_or_deselected_field_means_the_object_must_be_described_again() {
        List<String> last = settings.fieldsFor("Account", ACCOUNT_FIELDS);
        assertThat(new SyncSettings(Map.of("Account", List.of("Industry", "Type", "Phone"))).asksExactlyFor("Account", last))
                .as("Phone selected since").isFalse();
        assertThat(new SyncSettings(Map.of("Account", List.of("Industry"))).asksExactlyFor("Account", last))
                .as("Type deselected since").isFalse();
    }

    @Test
    void a_selected_field_that_was_missing_last_time_is_looked_for_again() {
        List<String> withoutType = settings.fieldsFor("Account", Set.of("Id", "Name", "SystemModstamp", "Industry"));
        assertThat(withoutType).doesNotContain("Type");
        assertThat(settings.asksExactlyFor("Account", withoutType)).isFalse();
    }
}
