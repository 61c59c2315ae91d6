package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.auth.RefreshGrant;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.auth.TokenStore;
import dev.crosswalk.emulator.model.Org;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The token-store operations added for the OAuth endpoints: rotation and non-touching lookups. */
class RefreshRotationTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final TokenStore tokens = new TokenStore(clock, Duration.ofHours(2), 5);
    private final Org org = new Org("00D000000000001AAA", "Acme", clock, 1000);

    @Test
    void a_refresh_token_can_be_rotated_only_once() {
        RefreshGrant first = tokens.issueRefreshToken(org, "005000000000001AAA", "app", Set.of("api", "refresh_token"));
        RefreshGrant second = tokens.rotate(first.token()).orElseThrow();
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(second.scopes()).isEqualTo(first.scopes());
        assertThat(tokens.rotate(first.token())).isEmpty();
        assertThat(tokens.refreshGrant(first.token())).isEmpty();
        assertThat(tokens.refreshGrant(second.token())).isPresent();
        assertThat(tokens.approvalCount("005000000000001AAA", "app")).isEqualTo(1);
    }

    @Test
    void rotation_keeps_sessions_issued_from_the_old_token() {
        RefreshGrant first = tokens.issueRefreshToken(org, "005000000000001AAA", "app", Set.of("api"));
        Session s = tokens.issueSession(org, "005000000000001AAA", "app", Set.of("api"), first.token());
        tokens.rotate(first.token());
        assertThat(tokens.authenticate(s.token())).isPresent();
    }

    @Test
    void peek_reports_the_expiry_without_extending_the_session() {
        Session s = tokens.issueSession(org, "005000000000001AAA", "app", Set.of("api"), null);
        clock.advance(Duration.ofMinutes(90));
        assertThat(tokens.peek(s.token()).orElseThrow().expiresAt()).isEqualTo(s.issuedAt().plus(Duration.ofHours(2)));
        clock.advance(Duration.ofMinutes(31));
        assertThat(tokens.peek(s.token())).isEmpty();
        assertThat(tokens.authenticate(s.token())).isEmpty();
    }
}
