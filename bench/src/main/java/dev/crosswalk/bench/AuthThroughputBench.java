package dev.crosswalk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 11 item 5: the same authenticated GET at concurrency 50, with a personal API token
 * ({@code Authorization: Bearer}) and with a browser session (cookie), in one run against the real
 * service jar on its embedded PostgreSQL. Goal: the token's throughput ≥ 0.8 × the session's
 * (HTTP Basic, which the tokens replace, ran bcrypt per request: 17 requests/s against 2,355).
 *
 * <p>Closed loop: each of the N client threads sends its next request when the previous answer
 * arrived. Rounds alternate which mode goes first, so warm-up and machine noise hit both.
 */
public final class AuthThroughputBench {
    private static final String ADMIN = "admin@bench.example";
    private static final String ADMIN_PASSWORD = "bench-admin-" + UUID.randomUUID();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** One measured interval of one mode. */
    record Result(String mode, int round, long requests, long errors, double seconds, double p50Ms, double p99Ms) {
        double perSecond() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("app/target/crosswalk.jar");
        Path out = Path.of("bench/results/auth-throughput.csv");
        String path = "/api/v1/me";
        int concurrency = 50;
        int seconds = 20;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--path" -> path = args[++i];
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        new AuthThroughputBench().run(jar, out, path, concurrency, seconds, rounds);
    }

    private void run(Path jar, Path out, String path, int concurrency, int seconds, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("crosswalk-auth-bench-");
        int port = ServiceStartup.freePort();
        String base = "http://127.0.0.1:" + port;
        Path log = dir.resolve("service.log");
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                jar.toString(), "--server.port=" + port, "--crosswalk.data-dir=" + dir.resolve("data"),
                "--crosswalk.bootstrap.organization=Bench Corp", "--crosswalk.bootstrap.admin-email=" + ADMIN,
                "--crosswalk.bootstrap.admin-password=" + ADMIN_PASSWORD, "--crosswalk.salesforce.client-id=crosswalk-bench",
                "--crosswalk.salesforce.client-secret=bench-" + UUID.randomUUID(), "--server.tomcat.threads.max=200")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            ServiceStartup.awaitReady(http, service, base, log, Duration.ofSeconds(300));
            ServiceLogin.Session session = ServiceLogin.signIn(http, base, ADMIN, ADMIN_PASSWORD);
            String token = ServiceLogin.createToken(http, base, session, "auth-throughput bench");
            String cookie = session.cookieHeader();
            URI uri = URI.create(base + path);
            System.out.printf(Locale.ROOT, "GET %s, concurrency %d, %d s per mode and round, %d rounds, load average %.1f%n", path,
                    concurrency, seconds, rounds, loadAverage());
            // Warm-up: JIT and connection pools for both modes.
            measure("session", 0, uri, "Cookie", cookie, concurrency, 5);
            measure("token", 0, uri, "Authorization", "Bearer " + token, concurrency, 5);
            List<Result> results = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                boolean sessionFirst = round % 2 == 1;
                for (String mode : sessionFirst ? List.of("session", "token") : List.of("token", "session")) {
                    Result r = mode.equals("session") ? measure(mode, round, uri, "Cookie", cookie, concurrency, seconds)
                            : measure(mode, round, uri, "Authorization", "Bearer " + token, concurrency, seconds);
                    results.add(r);
                    System.out.printf(Locale.ROOT, "round %d %-8s %,10.0f requests/s  p50 %6.1f ms  p99 %6.1f ms  errors %d%n", round, mode,
                            r.perSecond(), r.p50Ms(), r.p99Ms(), r.errors());
                }
            }
            double sessionRate = results.stream().filter(r -> r.mode().equals("session")).mapToDouble(Result::perSecond).average()
                    .orElseThrow();
            double tokenRate = results.stream().filter(r -> r.mode().equals("token")).mapToDouble(Result::perSecond).average()
                    .orElseThrow();
            double ratio = tokenRate / sessionRate;
            System.out.printf(Locale.ROOT, "mean: session %,.0f/s, token %,.0f/s, token/session = %.2f (goal >= 0.80)%n", sessionRate,
                    tokenRate, ratio);
            write(out, results, ratio, concurrency, path);
        } finally {
            service.destroy();
            if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    private Result measure(String mode, int round, URI uri, String header, String value, int concurrency, int seconds)
            throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<long[]>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    long[] latencies = new long[1024];
                    int n = 0;
                    long errors = 0;
                    HttpRequest request = HttpRequest.newBuilder(uri).header(header, value).header("Accept", "application/json").build();
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        long took = System.nanoTime() - t0;
                        if (status != 200) {
                            errors++;
                            continue;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                    }
                    long[] result = Arrays.copyOf(latencies, n + 1);
                    result[n] = errors; // the last slot carries the error count
                    return result;
                }));
            }
            List<long[]> all = new ArrayList<>();
            long errors = 0;
            for (Future<long[]> w : workers) {
                long[] r = w.get();
                errors += r[r.length - 1];
                all.add(Arrays.copyOf(r, r.length - 1));
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(mode, round, merged.length, errors, elapsed, percentile(merged, 0.50), percentile(merged, 0.99));
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static void write(Path out, List<Result> results, double ratio, int concurrency, String path) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        boolean header = !Files.exists(out);
        StringBuilder csv = new StringBuilder(header ? "date,metric,mode,run,value,unit,target\n" : "");
        String date = LocalDate.now().toString();
        for (Result r : results) {
            csv.append(String.format(Locale.ROOT, "%s,requests_per_s_c%d,%s,%d,%.1f,requests/s,%n", date, concurrency, r.mode(), r.round(),
                    r.perSecond()));
            csv.append(String.format(Locale.ROOT, "%s,p50_latency,%s,%d,%.2f,ms,%n", date, r.mode(), r.round(), r.p50Ms()));
            csv.append(String.format(Locale.ROOT, "%s,p99_latency,%s,%d,%.2f,ms,%n", date, r.mode(), r.round(), r.p99Ms()));
            csv.append(String.format(Locale.ROOT, "%s,errors,%s,%d,%d,requests,0%n", date, r.mode(), r.round(), r.errors()));
        }
        csv.append(String.format(Locale.ROOT, "%s,token_to_session_throughput,GET %s,all,%.3f,ratio,>=0.8%n", date, path, ratio));
        csv.append(String.format(Locale.ROOT, "%s,load_average_at_end,,,%.1f,,%n", date, loadAverage()));
        Files.writeString(out, csv, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
