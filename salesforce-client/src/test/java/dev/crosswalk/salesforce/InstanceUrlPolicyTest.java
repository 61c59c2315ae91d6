package dev.crosswalk.salesforce;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceUrlPolicyTest {

    private final InstanceUrlPolicy defaults = InstanceUrlPolicy.salesforceDefaults();

    @ParameterizedTest
    @ValueSource(strings = {
            "https://acme.my.salesforce.com",
            "https://acme--uat.sandbox.my.salesforce.com/",
            "https://login.salesforce.com",
            "https://ACME.MY.SALESFORCE.COM",
            "https://na1.salesforce.com:443",
            "https://acme.lightning.force.com",
            "https://acme.my.salesforce-setup.com",
            "https://acme.my.sfcrmproducts.cn",
            "https://acme-dev-ed.develop.my.salesforce.com",
    })
    void salesforce_hosts_are_allowed(String url) {
        assertThat(defaults.check(url).allowed()).as(url).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example.com",
            "https://salesforce.com.evil.com",
            "https://evilsalesforce.com",
            "https://salesforce.com",
            "http://acme.my.salesforce.com",
            "https://acme.my.salesforce.com:8443",
            "https://user@acme.my.salesforce.com",
            "https://169.254.169.254/latest",
            "ftp://acme.my.salesforce.com",
            "/services/data",
            "not a url",
            "",
    })
    void anything_else_is_refused(String url) {
        assertThat(defaults.check(url).allowed()).as(url).isFalse();
    }

    @Nested
    class Loopback {
        @Test
        void is_refused_unless_configured() {
            assertThat(defaults.check("http://127.0.0.1:8080").allowed()).isFalse();
            assertThat(defaults.check("http://127.0.0.1:8080").reason()).contains("not configured");
        }

        @Test
        void is_allowed_on_any_port_when_configured() {
            InstanceUrlPolicy p = defaults.allowingLoopback();
            assertThat(p.check("http://127.0.0.1:53211").allowed()).isTrue();
            assertThat(p.check("http://localhost:8080/services/data").allowed()).isTrue();
            assertThat(p.check("https://acme.my.salesforce.com").allowed()).isTrue();
            assertThat(p.check("http://127.0.0.2:80").allowed()).isFalse();
            assertThat(p.check("http://evil.example.com").allowed()).isFalse();
        }
    }

    @Test
    void require_allowed_throws_an_untrusted_instance_error() {
        assertThatThrownBy(() -> defaults.requireAllowed("https://evil.example.com/x"))
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.error()).isInstanceOf(SalesforceError.UntrustedInstanceUrl.class);
                    assertThat(((SalesforceError.UntrustedInstanceUrl) e.error()).host()).isEqualTo("evil.example.com");
                });
    }

    @Test
    void extra_domains_can_be_added() {
        assertThat(defaults.allowingDomain("example.gov").check("https://x.example.gov").allowed()).isTrue();
    }
}
