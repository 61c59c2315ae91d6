package dev.crosswalk.salesforce.contract;

import dev.crosswalk.salesforce.ClientConfig;
import dev.crosswalk.salesforce.InMemoryCredentialStore;
import dev.crosswalk.salesforce.LoginHost;
import dev.crosswalk.salesforce.SalesforceClient;
import dev.crosswalk.salesforce.SalesforceConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract against a real Salesforce sandbox, run by hand (see the module README):
 * <pre>
 * SF_CONTRACT_LOGIN_URL=https://test.salesforce.com SF_CONTRACT_CLIENT_ID=… SF_CONTRACT_CLIENT_SECRET=…
 * SF_CONTRACT_READER_USERNAME=… SF_CONTRACT_READER_PASSWORD=…(password + security token)
 * SF_CONTRACT_WRITER_USERNAME=… SF_CONTRACT_WRITER_PASSWORD=… [SF_CONTRACT_API_VERSION=62.0]
 * ./mvnw -B -pl salesforce-client -am verify -Dit.test=SandboxContractIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Uses the OAuth username-password flow, which the connected app must allow.
 */
@EnabledIfEnvironmentVariable(named = "SF_CONTRACT_LOGIN_URL", matches = "https://.+")
class SandboxContractIT extends SalesforceClientContract {

    private SalesforceConnection reader;
    private SalesforceConnection writer;
    private String version;

    private static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("missing environment variable " + name);
        }
        return v;
    }

    @BeforeAll
    void connect() {
        version = System.getenv().getOrDefault("SF_CONTRACT_API_VERSION", ClientConfig.DEFAULT_API_VERSION);
        SalesforceClient client = SalesforceClient.create(ClientConfig.builder(env("SF_CONTRACT_CLIENT_ID"))
                .clientSecret(env("SF_CONTRACT_CLIENT_SECRET"))
                .apiVersion(version)
                .build());
        LoginHost host = LoginHost.of(env("SF_CONTRACT_LOGIN_URL"));
        reader = client.connect(new InMemoryCredentialStore(client.oauth().passwordGrant(host,
                env("SF_CONTRACT_READER_USERNAME"), env("SF_CONTRACT_READER_PASSWORD"))));
        writer = client.connect(new InMemoryCredentialStore(client.oauth().passwordGrant(host,
                env("SF_CONTRACT_WRITER_USERNAME"), env("SF_CONTRACT_WRITER_PASSWORD"))));
    }

    @Override
    protected SalesforceConnection reader() {
        return reader;
    }

    @Override
    protected String readerUsername() {
        return env("SF_CONTRACT_READER_USERNAME");
    }

    @Override
    protected SalesforceConnection writer() {
        return writer;
    }

    @Override
    protected String configuredApiVersion() {
        return version;
    }
}
