package dev.crosswalk.app;

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
        SpringApplication.run(CrosswalkApplication.class, args);
    }
}
