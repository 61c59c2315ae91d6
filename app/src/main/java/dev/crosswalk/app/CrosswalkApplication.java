package dev.crosswalk.app;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Crosswalk service. {@code java -jar crosswalk.jar} starts it on embedded PostgreSQL
 * unless {@code spring.datasource.url} points elsewhere; {@code --demo} also starts a seeded
 * Salesforce emulator, connects to it and runs the first sync (see {@code demo/}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrosswalkApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrosswalkApplication.class, translate(args));
    }

    /**
     * The documented short options ({@code --demo}, {@code --port N}, {@code --emulator-port N})
     * as Spring properties; everything else passes through unchanged.
     */
    static String[] translate(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--demo")) {
                out.add("--crosswalk.demo.enabled=true");
            } else if ((a.equals("--port") || a.equals("--emulator-port")) && i + 1 < args.length) {
                out.add((a.equals("--port") ? "--server.port=" : "--crosswalk.demo.emulator-port=") + args[++i]);
            } else {
                out.add(a);
            }
        }
        if (out.contains("--crosswalk.demo.enabled=true")) {
            // The demo signs in to its own emulator, which listens on loopback with a known app.
            out.add(0, "--crosswalk.salesforce.allow-loopback=true");
            out.add(0, "--crosswalk.salesforce.client-id=crosswalk-local");
            out.add(0, "--crosswalk.salesforce.client-secret=crosswalk-local-secret");
        }
        return out.toArray(String[]::new);
    }
}
