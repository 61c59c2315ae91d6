package dev.crosswalk.bench;

/** One timed download of a query job's results. */
record Measurement(String client, int run, long records, long bytes, long nanos, long processCpuNanos) {

    double seconds() {
        return nanos / 1e9;
    }

    double recordsPerSecond() {
        return records / seconds();
    }

    /**
     * Records per second of this JVM's CPU time during the download. With curl as the client that is
     * the emulator's own cost, a figure that holds on a busy machine where wall-clock rates do not.
     */
    double recordsPerCpuSecond() {
        return records / (processCpuNanos / 1e9);
    }

    double megabytesPerSecond() {
        return bytes / 1e6 / seconds();
    }
}
