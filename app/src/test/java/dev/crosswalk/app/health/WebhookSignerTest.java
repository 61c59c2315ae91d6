package dev.crosswalk.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    @Test
    void the_signature_is_hmac_sha256_of_timestamp_dot_body_in_hex() {
        // computed independently (Python hmac): HMAC-SHA256("key", "1.{}")
        String sig = WebhookSigner.sign("key", 1, "{}");
        assertThat(sig).isEqualTo("sha256=1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224");
        assertThat(WebhookSigner.verify("key", "1", "{}", sig)).isTrue();
    }

    @Test
    void a_changed_body_timestamp_or_secret_does_not_verify() {
        String sig = WebhookSigner.sign("secret", 1700000000, "{\"a\":1}");
        assertThat(WebhookSigner.verify("secret", "1700000000", "{\"a\":2}", sig)).isFalse();
        assertThat(WebhookSigner.verify("secret", "1700000001", "{\"a\":1}", sig)).isFalse();
        assertThat(WebhookSigner.verify("other", "1700000000", "{\"a\":1}", sig)).isFalse();
        assertThat(WebhookSigner.verify("secret", null, "{\"a\":1}", sig)).isFalse();
        assertThat(WebhookSigner.verify("secret", "x", "{\"a\":1}", sig)).isFalse();
    }
}
