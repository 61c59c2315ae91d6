package dev.crosswalk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds of the processes outside this JVM that a benchmark's figures depend on, read from /proc (Linux; 0
 * elsewhere). Wall time on a shared machine measures the neighbours too; CPU seconds do not.
 */
final class ProcessCpu {
    /** USER_HZ: /proc counts CPU time in ticks of 1/100 s on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /**
     * The service's embedded PostgreSQL under its data directory ({@code crosswalk.data-dir}): the postmaster (it runs
     * detached, so it is found by its pid file, not among this JVM's descendants), its live backends, and the backends
     * already gone (the postmaster's reaped children), so a connection closed during a phase is not lost from it.
     */
    static double postgresSeconds(Path serviceDataDir) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(serviceDataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(postmaster)
                    .map(p -> ticks(p.pid(), true) + Stream.concat(Stream.of(p), p.descendants()).mapToLong(h -> ticks(h.pid(), false)).sum())
                    .orElse(0L) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux, or no PostgreSQL there
        }
    }

    /** One live process (the service's JVM, say), its own threads only. */
    static double processSeconds(long pid) {
        return ticks(pid, false) / TICKS_PER_SECOND;
    }

    /** This JVM's child processes (curl, say): the live ones and those already waited for. */
    static double childrenSeconds() {
        long ticks = ticks(ProcessHandle.current().pid(), true)
                + ProcessHandle.current().descendants().mapToLong(h -> ticks(h.pid(), false)).sum();
        return ticks / TICKS_PER_SECOND;
    }

    /** utime + stime of the process, or (reaped) cutime + cstime of its children already waited for; 0 once it is gone. */
    private static long ticks(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command: state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17); f[0] is field 3.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return reaped ? Long.parseLong(f[13]) + Long.parseLong(f[14]) : Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
