package dev.crosswalk.app.connection;

import dev.crosswalk.salesforce.Backoff;
import dev.crosswalk.salesforce.ClientConfig;
import dev.crosswalk.salesforce.InstanceUrlPolicy;
import dev.crosswalk.salesforce.SalesforceClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One Salesforce client for the application (it owns the HTTP client and the call counters). */
@Configuration(proxyBeanMethods = false)
class SalesforceClientConfig {
    private static final org.slf4j.Logger CALLS = org.slf4j.LoggerFactory.getLogger("dev.crosswalk.app.connection.SalesforceCalls");

    @Bean
    SalesforceClient salesforceClient(SalesforceProperties props, Clock clock,
            @Value("${crosswalk.salesforce.bulk-page-size:0}") int bulkPageSize,
            @Value("${crosswalk.salesforce.bulk-first-poll:PT0.25S}")
            Duration bulkFirstPoll) {
        InstanceUrlPolicy policy = InstanceUrlPolicy.salesforceDefaults();
        if (props.allowLoopback()) {
            policy = policy.allowingLoopback();
        }
        return SalesforceClient.create(ClientConfig.builder(props.clientId())
                .clientSecret(props.clientSecret())
                .apiVersion(props.apiVersion())
                .instanceUrlPolicy(policy)
                .clock(clock)
                .bulkPageSize(bulkPageSize)
                // Small jobs (a verification run after reauthorization) finish in well under a second:
                // poll early, then back off to the client's usual 30 s ceiling (≈2 extra polls per long job).
                .bulkPolling(new Backoff(Integer.MAX_VALUE, bulkFirstPoll, Duration.ofSeconds(30), 2))
                // Call events carry no token (see CallEvent): safe to log, at DEBUG for diagnosing a slow run.
                .listener(e -> CALLS.debug("Salesforce {} {} -> {} in {} ms", e.method(), e.url(), e.status(),
                        e.elapsed().toMillis()))
                .build());
    }
}
