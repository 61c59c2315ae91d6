package dev.crosswalk.salesforce.contract;

import dev.crosswalk.salesforce.EmulatorFixture;
import dev.crosswalk.salesforce.FakeTime;
import dev.crosswalk.salesforce.SalesforceClient;
import dev.crosswalk.salesforce.SalesforceConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract against the emulator (CI). */
class EmulatorContractIT extends SalesforceClientContract {

    private EmulatorFixture emulator;
    private SalesforceConnection reader;
    private SalesforceConnection writer;

    @BeforeAll
    void start() {
        emulator = EmulatorFixture.start();
        SalesforceClient client = emulator.client(new FakeTime());
        reader = emulator.connect(client, EmulatorFixture.INTEGRATION);
        writer = emulator.connect(client, EmulatorFixture.ADMIN);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @Override
    protected SalesforceConnection reader() {
        return reader;
    }

    @Override
    protected String readerUsername() {
        return EmulatorFixture.INTEGRATION;
    }

    @Override
    protected SalesforceConnection writer() {
        return writer;
    }

    @Override
    protected String configuredApiVersion() {
        return EmulatorFixture.API_VERSION;
    }
}
