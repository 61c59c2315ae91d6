package dev.crosswalk.app.system.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EgressPolicyTest {

    /** A DNS that knows a few names, as a test's stand-in for the network. */
    static EgressPolicy.HostResolver dns(Map<String, String> names) {
        return host -> {
            String a = names.get(host);
            if (a == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddresses.forString(a)};
        };
    }

    private final EgressPolicy policy = new EgressPolicy(List.of(), dns(Map.of(
            "hooks.example.com", "93.184.216.34",
            "loopback.example.com", "127.0.0.1",
            "metadata.example.com", "169.254.169.254",
            "v6private.example.com", "fd00::1")));

    @Nested
    class At_creation {
        @ParameterizedTest
        @ValueSource(strings = {
                "http://127.0.0.1:5432/x", "https://127.0.0.1/x", "https://localhost/x", "https://localhost./x",
                "https://[::1]:5432/", "https://[::ffff:127.0.0.1]:8080/", "https://[::ffff:7f00:1]/",
                "https://[::127.0.0.1]/", "https://2130706433:8080/", "https://0x7f000001/", "https://0x7f.0.0.1/",
                "https://0177.0.0.1/", "https://127.1/", "https://loopback.example.com/", "https://169.254.169.254/latest/meta-data",
                "https://metadata.example.com/", "https://10.1.2.3/", "https://172.16.0.1/", "https://192.168.1.1/",
                "https://100.64.0.1/", "https://0.0.0.0/", "https://[::]/", "https://224.0.0.1/", "https://255.255.255.255/",
                "https://[fe80::1]/", "https://[fe80::1%25eth0]/", "https://[fd00::1]/", "https://[fc00::1]/",
                "https://v6private.example.com/", "https://[ff02::1]/", "https://[64:ff9b::7f00:1]/", "https://[2002:7f00:1::]/",
                "ftp://hooks.example.com/x", "file:///etc/passwd", "gopher://hooks.example.com/", "https://user:pw@hooks.example.com/",
                "http://hooks.example.com/plain-http", "https://unknown.example.com/", "not a url", ""})
        void internal_addresses_numeric_forms_and_other_schemes_are_refused(String url) {
            assertThatThrownBy(() -> policy.checkUrl(url)).isInstanceOf(EgressRefusedException.class);
        }

        @Test
        void a_public_https_url_is_accepted() throws Exception {
            assertThat(policy.checkUrl(" https://hooks.example.com/crosswalk?x=1 ")).hasToString("https://hooks.example.com/crosswalk?x=1");
        }

        @Test
        void the_refusal_says_why() {
            assertThatThrownBy(() -> policy.checkUrl("https://169.254.169.254/")).hasMessageContaining("link-local");
            assertThatThrownBy(() -> policy.checkUrl("https://2130706433/")).hasMessageContaining("number");
            assertThatThrownBy(() -> policy.checkUrl("https://[::ffff:127.0.0.1]/")).hasMessageContaining("IPv4-mapped");
        }
    }

    @Nested
    class With_an_allowed_network {
        private final EgressPolicy allowing = new EgressPolicy(List.of("127.0.0.1/32", " 10.8.0.0/16"),
                dns(Map.of("receiver.internal", "10.8.1.2")));

        @Test
        void an_operator_allowed_network_is_reachable_even_over_http() throws Exception {
            assertThat(allowing.checkUrl("http://127.0.0.1:9999/hook").getPort()).isEqualTo(9999);
            assertThat(allowing.checkUrl("http://receiver.internal/hook").getHost()).isEqualTo("receiver.internal");
            assertThat(allowing.check(InetAddresses.forString("10.8.200.1")).allowed()).isTrue();
        }

        @Test
        void only_that_network() {
            assertThatThrownBy(() -> allowing.checkUrl("http://127.0.0.2/hook")).isInstanceOf(EgressRefusedException.class);
            assertThat(allowing.check(InetAddresses.forString("10.9.0.1")).allowed()).isFalse();
            assertThatThrownBy(() -> allowing.checkUrl("https://2130706433/")).isInstanceOf(EgressRefusedException.class);
            assertThatThrownBy(() -> allowing.checkUrl("http://localhost/hook")).hasMessageContaining("loopback name");
        }
    }

    @Test
    void decisions_name_the_address_class() {
        assertThat(policy.check(InetAddresses.forString("100.100.1.1")).reason()).contains("carrier-grade NAT");
        assertThat(policy.check(InetAddresses.forString("192.168.0.10")).reason()).contains("private");
        assertThat(policy.check(InetAddresses.forString("2001:db8::1")).allowed()).isTrue();
        assertThat(policy.check(InetAddresses.forString("8.8.8.8"))).isEqualTo(new EgressPolicy.Decision(true, "a public address"));
    }
}
