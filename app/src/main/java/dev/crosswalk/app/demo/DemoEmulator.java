package dev.crosswalk.app.demo;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.SalesforceEmulator;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo's Salesforce: an in-process emulator with the {@code demo} seed (orgs Acme Corp and
 * Globex). It keeps its state next to Crosswalk's, on a fixed port, so a restarted demo finds
 * the same orgs and tokens it connected to. The Acme org has Crosswalk's Salesforce package
 * deployed (see {@link DemoPackage}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "crosswalk.demo.enabled", havingValue = "true")
class DemoEmulator {

    @Bean(destroyMethod = "close")
    SalesforceEmulator demoSalesforceEmulator(@Value("${crosswalk.data-dir:./data}") Path dataDir,
            @Value("${crosswalk.demo.emulator-port:8089}") int port) {
        SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorOptions.builder()
                .port(port)
                .seed("demo")
                .dataDir(dataDir.resolve("emulator"))
                .build());
        try {
            DemoPackage.deployOnce(emulator);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        return emulator;
    }
}
