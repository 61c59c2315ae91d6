package dev.crosswalk.emulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar salesforce-emulator.jar [--port N] [--seed demo|none] [--data-dir DIR]
 * [--install-package DIR] [--tls]}. Prints exactly one line {@code SALESFORCE_EMULATOR_READY url=…}
 * once requests are accepted, so scripts can wait for it.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorOptions.Builder options = EmulatorOptions.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--port" -> options.port(Integer.parseInt(require(arg, value)));
                case "--seed" -> options.seed(require(arg, value));
                case "--data-dir" -> options.dataDir(Path.of(require(arg, value)));
                case "--install-package" -> options.installPackage(Path.of(require(arg, value)));
                case "--tls" -> {
                    options.tls(true);
                    continue; // a flag: no value to skip
                }
                case "--help", "-h" -> {
                    System.out.println("usage: java -jar salesforce-emulator.jar [--port N] [--seed demo|none]"
                            + " [--data-dir DIR] [--install-package SFDX_DIR] [--tls]");
                    return;
                }
                default -> {
                    System.err.println("Unknown option: " + arg + " (try --help)");
                    System.exit(2);
                }
            }
            if (!arg.equals("--help")) {
                i++;
            }
        }
        SalesforceEmulator emulator;
        try {
            emulator = SalesforceEmulator.start(options.build());
        } catch (RuntimeException e) {
            System.err.println("Salesforce emulator failed to start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "sf-emulator-shutdown"));
        // One line either way; with --tls the https URL says so, and the certificate's fingerprint and
        // PEM file follow so a client can pin or trust it.
        System.out.println("SALESFORCE_EMULATOR_READY url=" + emulator.baseUrl() + emulator.tls()
                .map(t -> " tls=self-signed sha256=" + t.sha256Fingerprint() + " cert=" + t.pem().toAbsolutePath())
                .orElse(""));
        System.out.flush();
        stopped.await();
    }

    private static String require(String option, String value) {
        if (value == null) {
            System.err.println("Missing value for " + option);
            System.exit(2);
        }
        return value;
    }
}
