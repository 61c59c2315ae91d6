package dev.crosswalk.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectedAppTest {
    private final ConnectedApp app = new ConnectedApp("Crosswalk", "id", "secret",
            List.of("http://127.0.0.1:*/*", "https://app.example.com/callback"), Set.of("api"));

    @Test
    void any_loopback_port_and_path_is_accepted() {
        assertThat(app.callbackAllowed("http://127.0.0.1:8080/login/oauth2/code/salesforce")).isTrue();
        assertThat(app.callbackAllowed("http://127.0.0.1:54321/cb?x=1")).isTrue();
    }

    @Test
    void the_port_wildcard_cannot_smuggle_another_host() {
        assertThat(app.callbackAllowed("http://127.0.0.1:1@evil.example/cb")).isFalse();
        assertThat(app.callbackAllowed("http://127.0.0.1.evil.example:80/cb")).isFalse();
    }

    @Test
    void fixed_callbacks_match_exactly() {
        assertThat(app.callbackAllowed("https://app.example.com/callback")).isTrue();
        assertThat(app.callbackAllowed("https://app.example.com/callback2")).isFalse();
        assertThat(app.callbackAllowed(null)).isFalse();
    }
}
