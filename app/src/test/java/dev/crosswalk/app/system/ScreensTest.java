package dev.crosswalk.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScreensTest {
    @Test
    void a_fix_text_path_leaves_out_the_unknown_integration_name() {
        assertThat(Screens.INTEGRATION_ADVANCED_SETTINGS.trailTo("⋯ Actions", "Update"))
                .isEqualTo("Integrations → Settings → Advanced Settings → ⋯ Actions → Update");
        assertThat(Screens.INTEGRATION_ERRORS.trail("Acme")).isEqualTo("Integrations → Acme → Errors");
    }

    @Test
    void urls_are_filled_from_the_template_and_titles_are_the_last_segment() {
        UUID id = UUID.randomUUID();
        assertThat(Screens.INTEGRATION_ADVANCED_SETTINGS.url(id)).isEqualTo("/integrations/" + id + "/settings/advanced");
        assertThat(Screens.INTEGRATION_GENERAL_SETTINGS.title()).isEqualTo("General Settings");
        assertThat(Screens.TEAM.title()).isEqualTo("Team");
        assertThat(Screens.INTEGRATION_ERRORS.section()).isEqualTo(Screens.INTEGRATIONS);
    }
}
