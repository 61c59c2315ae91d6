package dev.crosswalk.app.connection;

import dev.crosswalk.salesforce.ClientConfig;
import dev.crosswalk.salesforce.InstanceUrlPolicy;
import dev.crosswalk.salesforce.SalesforceClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One Salesforce client for the application (it owns the HTTP client and the call counters). */
@Configuration(proxyBeanMethods = false)
class SalesforceClientConfig {

    @Bean
    SalesforceClient salesforceClient(SalesforceProperties props, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${crosswalk.salesforce.bulk-page-size:0}") int bulkPageSize) {
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
                .build());
    }
}
