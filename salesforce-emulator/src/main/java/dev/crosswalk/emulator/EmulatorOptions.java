package dev.crosswalk.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start an emulator. Defaults match a fresh Enterprise-edition org: 2 h session
 * timeout, API versions up to 66.0, 100,000 daily API requests.
 *
 * @param seed          {@code demo} (see the module README) or {@code none}
 * @param dataDir       where state is saved across restarts, or null for in-memory only
 * @param packageDirs   SFDX source folders to install into every seeded org at start
 * @param queryLocatorTimeout how long an unused REST query cursor ({@code nextRecordsUrl}) stays valid
 * @param tls           serve HTTPS with a self-signed certificate generated at start (written to
 *                      {@code dataDir}, or a temporary folder without one)
 */
public record EmulatorOptions(int port, String seed, Clock clock, Duration sessionTimeout, int threads,
        int minApiVersion, int maxApiVersion, long dailyApiRequests, int maxApprovalsPerApp, Path dataDir,
        List<Path> packageDirs, Duration queryLocatorTimeout, boolean tls) {

    public EmulatorOptions {
        packageDirs = packageDirs == null ? List.of() : List.copyOf(packageDirs);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int port;
        private String seed = "none";
        private Clock clock = Clock.systemUTC();
        private Duration sessionTimeout = Duration.ofHours(2);
        private int threads = 32;
        private int minApiVersion = 20;
        private int maxApiVersion = 66;
        private long dailyApiRequests = 100_000;
        private int maxApprovalsPerApp = 5;
        private Path dataDir;
        private final List<Path> packageDirs = new ArrayList<>();
        private Duration queryLocatorTimeout = Duration.ofMinutes(15);
        private boolean tls;

        /** 0 picks a free port. */
        public Builder port(int v) { port = v; return this; }
        public Builder seed(String v) { seed = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder sessionTimeout(Duration v) { sessionTimeout = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder apiVersions(int min, int max) { minApiVersion = min; maxApiVersion = max; return this; }
        public Builder dailyApiRequests(long v) { dailyApiRequests = v; return this; }
        public Builder maxApprovalsPerApp(int v) { maxApprovalsPerApp = v; return this; }
        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder installPackage(Path sfdxDir) { packageDirs.add(sfdxDir); return this; }
        public Builder queryLocatorTimeout(Duration v) { queryLocatorTimeout = v; return this; }
        public Builder tls(boolean v) { tls = v; return this; }

        public EmulatorOptions build() {
            return new EmulatorOptions(port, seed, clock, sessionTimeout, threads, minApiVersion, maxApiVersion,
                    dailyApiRequests, maxApprovalsPerApp, dataDir, packageDirs, queryLocatorTimeout, tls);
        }
    }
}
