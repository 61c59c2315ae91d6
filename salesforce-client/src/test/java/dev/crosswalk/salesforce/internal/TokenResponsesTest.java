package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.Credentials;
import dev.crosswalk.salesforce.InstanceUrlPolicy;
import dev.crosswalk.salesforce.SalesforceError;
import dev.crosswalk.salesforce.SalesforceException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenResponsesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void salesforce_token_response_without_expires_in_and_with_issued_at_in_millis() {
        Credentials c = TokenResponses.parse(Json.parse("""
                {"access_token":"00Dx0000000BV7z!AR8AQ","refresh_token":"5Aep861","signature":"sig",
                 "scope":"refresh_token api id","instance_url":"https://acme.my.salesforce.com",
                 "id":"https://login.salesforce.com/id/00Dx0000000BV7zEAG/005x00000012Q9PAAU",
                 "token_type":"Bearer","issued_at":"1759828104619"}"""), InstanceUrlPolicy.salesforceDefaults(), clock);
        assertThat(c.issuedAt()).isEqualTo(Instant.ofEpochMilli(1759828104619L));
        assertThat(c.instanceUrl()).isEqualTo("https://acme.my.salesforce.com");
        assertThat(c.orgId()).contains("00Dx0000000BV7zEAG");
        assertThat(c.userId()).contains("005x00000012Q9PAAU");
        assertThat(c.canRefresh()).isTrue();
        assertThat(c.toString()).doesNotContain("AR8AQ").doesNotContain("5Aep861");
    }

    @Test
    void a_hostile_instance_url_is_rejected_before_anyone_can_use_it() {
        assertThatThrownBy(() -> TokenResponses.parse(Json.parse("""
                {"access_token":"t","instance_url":"https://evil.example.com","issued_at":"1"}"""),
                InstanceUrlPolicy.salesforceDefaults(), clock))
                .isInstanceOfSatisfying(SalesforceException.class, e ->
                        assertThat(e.error()).isInstanceOf(SalesforceError.UntrustedInstanceUrl.class));
    }

    @Test
    void a_hostile_identity_url_is_rejected_too() {
        assertThatThrownBy(() -> TokenResponses.parse(Json.parse("""
                {"access_token":"t","instance_url":"https://acme.my.salesforce.com","id":"https://evil.example.com/id/1/2"}"""),
                InstanceUrlPolicy.salesforceDefaults(), clock))
                .isInstanceOf(SalesforceException.class);
    }

    @Test
    void a_refresh_response_without_refresh_token_keeps_the_old_one() {
        Credentials old = new Credentials("a1", "r1", "https://acme.my.salesforce.com", "https://login.salesforce.com/id/00D/005",
                Instant.EPOCH, "api");
        Credentials fromRefresh = new Credentials("a2", null, "https://acme.my.salesforce.com", null, Instant.EPOCH, null);
        Credentials merged = old.refreshedWith(fromRefresh);
        assertThat(merged.accessToken()).isEqualTo("a2");
        assertThat(merged.refreshToken()).isEqualTo("r1");
        assertThat(merged.identityUrl()).isEqualTo(old.identityUrl());
        Credentials rotated = old.refreshedWith(new Credentials("a3", "r2", "https://acme.my.salesforce.com", null,
                Instant.EPOCH, null));
        assertThat(rotated.refreshToken()).isEqualTo("r2");
    }
}
