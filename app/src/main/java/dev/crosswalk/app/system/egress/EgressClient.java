package dev.crosswalk.app.system.egress;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Server-side HTTP to user-given URLs under the {@link EgressPolicy}: the client's DNS resolver is
 * the policy, so the addresses checked are exactly the addresses connected to (resolve, check,
 * connect to that address), on every request — connections are never reused, redirects never
 * followed, no proxy is used. Answers are coarse on purpose: a caller learns the HTTP status class,
 * a timeout or a refusal, never the network error, so it cannot be used to probe ports.
 */
@Component
public final class EgressClient implements DisposableBean {

    /** What became of one request. */
    public sealed interface Result {
    }

    /** The server answered (a redirect is an answer: it is not followed). */
    public record Answered(int status) implements Result {
    }

    /** Connecting or waiting for the answer took too long. */
    public record TimedOut() implements Result {
    }

    /** The policy refused every address of the host; nothing was sent. */
    public record Refused(String reason) implements Result {
    }

    /** Any other network failure (connection refused, reset, TLS): not told apart, on purpose. */
    public record NotReached() implements Result {
    }

    private final CloseableHttpClient http;

    @org.springframework.beans.factory.annotation.Autowired
    public EgressClient(EgressPolicy policy) {
        this(policy, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    EgressClient(EgressPolicy policy, Duration connectTimeout, Duration responseTimeout) {
        DnsResolver resolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return policy.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(responseTimeout)).build())
                        .build())
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** POSTs a JSON body with the given headers. */
    public Result postJson(URI url, Map<String, String> headers, String body) {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        try {
            return http.execute(post, response -> new Answered(response.getCode()));
        } catch (EgressRefusedException e) {
            return new Refused(e.getMessage());
        } catch (InterruptedIOException e) { // connect and read timeouts both are
            return new TimedOut();
        } catch (IOException e) {
            return new NotReached();
        }
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
