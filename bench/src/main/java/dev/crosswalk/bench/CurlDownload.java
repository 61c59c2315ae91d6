package dev.crosswalk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;

/**
 * The peer client: {@code curl} writing every page to /dev/null, so the figure shows what the
 * emulator serves when the reader costs next to nothing. The bearer token goes in a private header
 * file ({@code -H @file}), never on the command line where {@code ps} would show it.
 */
final class CurlDownload {
    private CurlDownload() {
    }

    static boolean available() {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Measurement download(String jobsUrl, String jobId, String token, int run, Integer maxRecords)
            throws IOException, InterruptedException {
        return download(jobsUrl, jobId, token, run, maxRecords, null);
    }

    /** As above; with {@code saveTo}, page N goes to {@code saveTo/page-N.csv} instead of /dev/null. */
    static Measurement download(String jobsUrl, String jobId, String token, int run, Integer maxRecords, Path saveTo)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bench-curl");
        Path auth = dir.resolve("auth-header");
        Path headers = dir.resolve("response-headers");
        Files.createFile(auth, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(auth, "Authorization: Bearer " + token + "\n");
        long records = 0;
        long bytes = 0;
        String locator = null;
        int page = 1;
        long start = System.nanoTime();
        long cpu = HeapProbe.processCpuNanos();
        try {
            do {
                String url = jobsUrl + "/" + jobId + "/results?" + (maxRecords == null ? "" : "maxRecords=" + maxRecords)
                        + (locator == null ? "" : "&locator=" + locator);
                String target = saveTo == null ? "/dev/null" : saveTo.resolve("page-" + (page++) + ".csv").toString();
                Process p = new ProcessBuilder("curl", "-s", "-S", "-f", "-o", target, "-D", headers.toString(),
                        "-w", "%{size_download}", "-H", "@" + auth, url).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("curl failed: " + err);
                }
                bytes += Long.parseLong(out);
                List<String> lines = Files.readAllLines(headers, StandardCharsets.ISO_8859_1);
                records += Long.parseLong(header(lines, "sforce-numberofrecords"));
                locator = header(lines, "sforce-locator");
            } while (!locator.equals("null"));
            return new Measurement("curl", run, records, bytes, System.nanoTime() - start,
                HeapProbe.processCpuNanos() - cpu);
        } finally {
            Files.deleteIfExists(auth);
            Files.deleteIfExists(headers);
            Files.deleteIfExists(dir);
        }
    }

    private static String header(List<String> lines, String name) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        throw new IllegalStateException("response without " + name);
    }
}
