package dev.crosswalk.app.demo;

import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.metadata.SfdxPackage;
import dev.crosswalk.emulator.metadata.SourceFiles;
import dev.crosswalk.emulator.model.Org;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Crosswalk's Salesforce package in the demo: deployed into the Acme org the first time the demo
 * emulator starts, with the permission set {@code Crosswalk_Setup_User} assigned to the
 * integration user — what the org's admin does after installing it. Later starts keep what the
 * org holds (an admin may have set the Named Credential's URL since).
 */
final class DemoPackage {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPackage.class);
    static final String ORG = "Acme Corp";
    static final String INTEGRATION_USER = "integration@acme.example";
    static final String PERMISSION_SET = "Crosswalk_Setup_User";
    /** Where the emulator's jar carries ../salesforce-package (sfdx-project.json and force-app/). */
    private static final String ROOT = "crosswalk-package/";

    private DemoPackage() {
    }

    static void deployOnce(SalesforceEmulator emulator) {
        Org org = emulator.state().orgByName(ORG).orElseThrow(() -> new IllegalStateException("The demo seed has no org " + ORG));
        if (org.type("Ecosystem_Overlap__c").isPresent()) {
            return;
        }
        PackageInstaller.InstallReport report = PackageInstaller.install(org, SfdxPackage.of(sourceFiles()));
        emulator.admin().assignPermissionSet(INTEGRATION_USER, PERMISSION_SET);
        LOG.info("Deployed the Crosswalk package into the emulator's {} org ({} fields, permission sets {}); {} holds {}",
                ORG, report.fields().size(), report.permissionSets(), INTEGRATION_USER, PERMISSION_SET);
    }

    /**
     * The package's files from the classpath. Spring's resolver lists them inside the nested jars
     * of the executable jar as well as in a build's target/classes.
     */
    static SourceFiles sourceFiles() {
        try {
            SortedMap<String, byte[]> files = new TreeMap<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**")) {
                String url = r.getURL().toString();
                int at = url.lastIndexOf("/" + ROOT);
                if (at < 0 || url.endsWith("/") || !r.isReadable()) {
                    continue;
                }
                try (InputStream in = r.getInputStream()) {
                    files.put(url.substring(at + ROOT.length() + 1), in.readAllBytes());
                } catch (IOException directory) {
                    // a folder entry of a file-system classpath: nothing to read
                }
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("The Crosswalk package is not on the classpath (" + ROOT + ")");
            }
            return new SourceFiles(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
