package dev.crosswalk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * P6 (issue 15): the Salesforce record page's call, {@code GET /api/package/v1/records/{id}/overlaps}
 * with an Outbound access token, against the bare SQL lookup it needs, side by side in one run at the
 * same open-loop rate. The service runs in this JVM (its real Spring context, web server and embedded
 * PostgreSQL); {@code --overlaps} pairs (1,000,000) are stored between two organizations, the partner's
 * records in a population it shares with rows. The token comes from the real authorization code flow.
 *
 * <p>Open loop: requests start on a fixed schedule whether or not earlier ones finished, and latency is
 * measured from the scheduled start, so a stall is charged to every request it delays (no coordinated
 * omission). Phases alternate (bare, API, bare, API, …) so both see the same machine.
 */
public final class RecordPageBench {
    private static final String CALLBACK = "/services/authcallback/Crosswalk";
    private static final String PASSWORD = "bench-password-1";

    public static void main(String[] args) throws Exception {
        int overlaps = 1_000_000;
        int rate = 200;
        int seconds = 30;
        int rounds = 2;
        // A serving node is compiled: with 20 s the first measured round was still compiling (JVM CPU per API call 1.22 ms
        // vs 0.70 ms in round 2, quiet, 2026-12-07 23:01). 90 s still fits the 5-minute token with two 30 s rounds.
        int warmUpSeconds = 90;
        Path out = Path.of("bench/results/record-page-p6.csv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--overlaps" -> overlaps = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warm-up-seconds" -> warmUpSeconds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dataDir = Files.createTempDirectory("crosswalk-p6-");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Class.forName("dev.crosswalk.app.CrosswalkApplication")).run(
                "--server.address=127.0.0.1", "--server.port=0", "--crosswalk.data-dir=" + dataDir,
                // The scheduler stays on (the service does not start without it); its periodic probe is pushed out of the
                // run, and the seeded integrations are paused, so no background job competes with the measurement.
                "--crosswalk.custom-objects.probe-interval=PT24H", "--logging.level.root=WARN", "--springdoc.api-docs.enabled=false",
                "--server.tomcat.threads.max=64")) {
            String port = ctx.getEnvironment().getRequiredProperty("local.server.port");
            new RecordPageBench(ctx, "http://127.0.0.1:" + port, dataDir).run(overlaps, rate, seconds, rounds, warmUpSeconds, out);
        } finally {
            // The embedded PostgreSQL stopped with the context; its files (about 2 GB at 1,000,000 pairs) are of no further use.
            ScratchFiles.delete(dataDir);
        }
    }

    private final ConfigurableApplicationContext ctx;
    private final JdbcClient jdbc;
    private final String base;

    private final Path dataDir;

    private RecordPageBench(ConfigurableApplicationContext ctx, String base, Path dataDir) {
        this.ctx = ctx;
        this.dataDir = dataDir;
        this.jdbc = ctx.getBean(JdbcClient.class);
        this.base = base;
    }

    private record Seeded(UUID me, UUID partner, UUID myIntegration, UUID partnerIntegration, UUID partnership, UUID population,
            String clientId, String clientSecret, String redirectUri, String adminEmail) {
    }

    private void run(int overlaps, int rate, int seconds, int rounds, int warmUpSeconds, Path out) throws Exception {
        double loadStart = HeapProbe.loadAverage();
        long t = System.nanoTime();
        Seeded s = seed(overlaps);
        System.out.printf(Locale.ROOT, "seeded %,d overlap rows in %.1f s%n", overlaps, (System.nanoTime() - t) / 1e9);
        String token = accessToken(s);
        String rules = "{\"" + s.population() + "\":[\"Industry\",\"Name\"]}";
        String sql = """
                select x.b_sf_id, x.b_object, x.evidence, x.matched_key, pm.population_id,
                       coalesce((select jsonb_object_agg(k, pr.fields -> k) from jsonb_array_elements_text(cast(? as jsonb)
                           -> pm.population_id::text) k where pr.fields -> k is not null), cast('{}' as jsonb))::text
                  from overlap_pair x
                  join population_member pm on pm.integration_id = x.b_integration_id and pm.object = x.b_object and pm.sf_id = x.b_sf_id
                  join crm_record pr on pr.integration_id = x.b_integration_id and pr.object = x.b_object and pr.sf_id = x.b_sf_id
                 where x.partnership_id = ? and x.a_sf_id = ? and x.a_integration_id = ?
                   and pm.organization_id = ? and pr.organization_id = ? and pm.population_id in (?)""";
        Call bare = id -> {
            int rows = jdbc.sql(sql).params(rules, s.partnership(), id, s.myIntegration(), s.partner(), s.partner(), s.population())
                    .query((rs, n) -> rs.getString(6)).list().size();
            if (rows != 1) {
                throw new IllegalStateException("bare lookup found " + rows + " rows for " + id);
            }
        };
        // The record page's caller as the Salesforce package is: one blocking request per thread on a kept-alive
        // connection. java.net.http hands every exchange to its selector thread and back, which on two cores costs
        // the client about as much as the service's own work (the client Bulk reader was changed for the same reason).
        System.setProperty("http.maxConnections", "64");
        Call api = id -> {
            HttpURLConnection c = (HttpURLConnection) URI.create(base + "/api/package/v1/records/" + id + "/overlaps").toURL()
                    .openConnection();
            c.setRequestProperty("Authorization", "Bearer " + token);
            c.setRequestProperty("Accept", "application/json");
            int status = c.getResponseCode();
            String body;
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (status != 200 || !body.contains("\"partnerFields\"")) {
                throw new IllegalStateException("record page call answered " + status + ": "
                        + body.substring(0, Math.min(200, body.length())));
            }
        };
        if (System.getProperty("p6.explain") != null) {
            explain(s, rules);
        }
        // Warm-up: JIT, connection pools, PostgreSQL's buffers for both paths. The API path runs far more code (web server,
        // security, JSON, the HTTP client) than the JDBC call: 1,000-3,000 open-loop calls left its first measured round still
        // compiling, and on a loaded machine an open-loop warm-up only builds a queue. So: a closed loop of many calls first
        // (as fast as 8 callers go), then an open-loop phase at the measured rate (--warm-up-seconds, 90): the closed loop's
        // profile is not the open loop's, and with 3 s the first measured round was still compiling (JVM CPU per call 2.7 ms
        // in round 1 vs 1.1 ms in round 2 on a quiet machine).
        warmUp("bare", bare, 2_000, overlaps);
        warmUp("api", api, 12_000, overlaps);
        phase("warm-up bare", bare, rate, Math.max(1, warmUpSeconds / 4), overlaps, 7);
        phase("warm-up api", api, rate, Math.max(1, warmUpSeconds), overlaps, 8);
        List<Result> results = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            results.add(phase("bare-sql", bare, rate, seconds, overlaps, 100 + r));
            results.add(phase("record-page-api", api, rate, seconds, overlaps, 200 + r));
        }
        double loadEnd = HeapProbe.loadAverage();
        List<Long> bareAll = results.stream().filter(x -> x.name().equals("bare-sql")).flatMap(x -> x.latencies().stream()).toList();
        List<Long> apiAll = results.stream().filter(x -> x.name().equals("record-page-api")).flatMap(x -> x.latencies().stream()).toList();
        double bareP99 = percentile(bareAll, 0.99);
        double apiP99 = percentile(apiAll, 0.99);
        System.out.printf(Locale.ROOT, "P6: %,d overlap rows, %d req/s: bare SQL p50 %.2f ms p99 %.2f ms; record page API p50 %.2f ms"
                        + " p99 %.2f ms; ratio %.2f (goal <= 3); load average %.2f -> %.2f%n", overlaps, rate, percentile(bareAll, 0.5),
                bareP99, percentile(apiAll, 0.5), apiP99, apiP99 / bareP99, loadStart, loadEnd);
        Files.createDirectories(out.toAbsolutePath().getParent());
        if (!Files.exists(out)) {
            Files.writeString(out, "timestamp,overlap_rows,rate_per_s,seconds,phase,round,requests,errors,achieved_per_s,p50_ms,p99_ms,"
                    + "max_ms,p99_ratio_api_vs_bare,load_avg_start,load_avg_end,jvm_cpu_ms_per_call,pg_cpu_ms_per_call,"
                    + "call_thread_cpu_ms_per_call\n");
        }
        StringBuilder csv = new StringBuilder();
        String now = Instant.now().toString();
        int round = 0;
        for (Result x : results) {
            round = x.name().equals("bare-sql") ? round + 1 : round;
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%s,%d,%d,%d,%.1f,%.3f,%.3f,%.3f,,%.2f,%.2f,%.3f,%.3f,%.3f%n", now, overlaps,
                    rate, seconds, x.name(), round, x.latencies().size(), x.errors(), x.achieved(), percentile(x.latencies(), 0.5),
                    percentile(x.latencies(), 0.99), percentile(x.latencies(), 1.0), loadStart, loadEnd, x.jvmCpuMs(), x.pgCpuMs(),
                    x.callThreadCpuMs()));
        }
        for (String phase : List.of("bare-sql", "record-page-api")) {
            List<Long> all = phase.equals("bare-sql") ? bareAll : apiAll;
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%s-all,0,%d,%d,,%.3f,%.3f,%.3f,%s,%.2f,%.2f,,,%n", now, overlaps, rate, seconds,
                    phase, all.size(), results.stream().filter(x -> x.name().equals(phase)).mapToInt(Result::errors).sum(),
                    percentile(all, 0.5), percentile(all, 0.99), percentile(all, 1.0),
                    phase.equals("record-page-api") ? String.format(Locale.ROOT, "%.3f", apiP99 / bareP99) : "", loadStart, loadEnd));
        }
        Files.writeString(out, csv.toString(), StandardOpenOption.APPEND);
    }

    /** {@code calls} calls by 8 callers back to back, on random overlapped records: the JIT's warm-up without a queue. */
    private static void warmUp(String name, Call call, int calls, int overlaps) throws InterruptedException {
        long t = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            SplittableRandom random = new SplittableRandom(31 + c);
            callers.execute(() -> {
                while (next.getAndIncrement() < calls) {
                    try {
                        call.call(myRecord(1 + random.nextInt(overlaps)));
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        callers.shutdown();
        callers.awaitTermination(10, TimeUnit.MINUTES);
        System.out.printf(Locale.ROOT, "warm-up %-8s %,7d calls %4d errors  closed loop, %.1f s%n", name, calls, errors.get(),
                (System.nanoTime() - t) / 1e9);
    }

    /** {@code -Dp6.explain}: the plans of the service's record-page statement, as PostgreSQL runs them here (diagnostics). */
    private void explain(Seeded s, String rules) throws ReflectiveOperationException {
        java.lang.reflect.Field f = Class.forName("dev.crosswalk.app.overlap.OverlapReportService").getDeclaredField("RECORD_PAGE");
        f.setAccessible(true);
        String recordPage = ((String) f.get(null)).formatted("true"); // its admission condition (StillAdmitted): none here
        for (int i = 0; i < 3; i++) {
            jdbc.sql("explain (analyze, buffers) " + recordPage).param("viewer", s.me()).param("sf", myRecord(7 + i)).param("mine", s.myIntegration())
                    .param("rules", rules).query(String.class).list().forEach(System.out::println);
        }
    }

    @FunctionalInterface
    private interface Call {
        void call(String recordId) throws Exception;
    }

    /**
     * {@code jvmCpuMs}, {@code pgCpuMs}: CPU per completed call of this JVM (client and service) and of the embedded PostgreSQL;
     * {@code callThreadCpuMs}: of the threads that run the calls themselves (the web server's request threads for the API, the
     * bench's callers for the bare lookup: without the JIT compiler, GC or the API's HTTP client), the figure to compare
     * code changes by on a shared machine.
     */
    private record Result(String name, List<Long> latencies, int errors, double achieved, double jvmCpuMs, double pgCpuMs,
            double callThreadCpuMs) {
    }

    /** CPU time so far of this JVM, of the embedded PostgreSQL (0 where /proc is unreadable) and of the web server's threads. */
    private long[] cpuNanos() {
        return new long[] {HeapProbe.processCpuNanos(), (long) (ProcessCpu.postgresSeconds(dataDir) * 1e9), threadCpuNanos("http-nio-")};
    }

    /** Summed CPU time of the live threads whose name starts with {@code prefix} (a thread started mid-phase counts from 0). */
    private static long threadCpuNanos(String prefix) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    /** {@code rate} calls per second for {@code seconds}, each on a random overlapped record, latency from its scheduled start. */
    private Result phase(String name, Call call, int rate, int seconds, int overlaps, long seed) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(seed);
        int total = rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        // The API's work runs on the web server's request threads (they outlive the phase); the bare lookup's on the callers
        // themselves, whose CPU is summed call by call (the pool's threads are gone when the phase is over).
        boolean api = name.contains("api");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.concurrent.atomic.AtomicLong callerCpu = new java.util.concurrent.atomic.AtomicLong();
        long[] cpuStart = cpuNanos();
        long start = System.nanoTime();
        AtomicInteger issued = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            // Catch up on ticks the scheduler was late for, each with its own intended start.
            long due = (System.nanoTime() - start) / periodNanos + 1;
            while (issued.get() < Math.min(due, total)) {
                long intended = start + issued.getAndIncrement() * periodNanos;
                String id = myRecord(1 + random.nextInt(overlaps));
                workers.execute(() -> {
                    try {
                        long cpu = threads.getCurrentThreadCpuTime();
                        call.call(id);
                        latencies.add(System.nanoTime() - intended);
                        callerCpu.addAndGet(threads.getCurrentThreadCpuTime() - cpu);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            System.out.println(name + ": first error: " + e);
                        }
                    }
                });
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (issued.get() < total) {
            Thread.sleep(50);
        }
        ticker.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        double took = (System.nanoTime() - start) / 1e9;
        long[] cpuEnd = cpuNanos();
        List<Long> list = new ArrayList<>(latencies);
        int n = Math.max(1, list.size());
        Result r = new Result(name, list, errors.get(), list.size() / took, (cpuEnd[0] - cpuStart[0]) / 1e6 / n, (cpuEnd[1] - cpuStart[1]) / 1e6 / n,
                (api ? cpuEnd[2] - cpuStart[2] : callerCpu.get()) / 1e6 / n);
        System.out.printf(Locale.ROOT, "%-16s %,7d calls %4d errors  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  CPU/call: JVM %.2f ms,"
                        + " PostgreSQL %.2f ms, call threads %.3f ms%n", name, list.size(), errors.get(), percentile(list, 0.5),
                percentile(list, 0.99), percentile(list, 1.0), r.jvmCpuMs(), r.pgCpuMs(), r.callThreadCpuMs());
        return r;
    }

    private static double percentile(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> s = new ArrayList<>(nanos);
        s.sort(Long::compare);
        int i = (int) Math.ceil(p * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i))) / 1e6;
    }

    private static String myRecord(int i) {
        return "001" + String.format("%012d", i) + "AAA";
    }

    private Seeded seed(int overlaps) throws ReflectiveOperationException {
        Object organizations = ctx.getBean(Class.forName("dev.crosswalk.app.org.OrganizationService"));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin-" + suffix + "@bench.example";
        UUID me = organizationOf(organizations.getClass().getMethod("createOrganization", String.class, String.class, String.class, String.class)
                .invoke(organizations, "Bench Me " + suffix, adminEmail, "Admin", PASSWORD));
        UUID partner = organizationOf(organizations.getClass().getMethod("createOrganization", String.class, String.class, String.class,
                String.class).invoke(organizations, "Bench Partner " + suffix, "partner-" + suffix + "@bench.example", "Admin", PASSWORD));
        UUID myIntegration = integration(me, "SALESFORCE_DATA_SOURCE", null);
        UUID partnerIntegration = integration(partner, "SALESFORCE_DATA_SOURCE", null);
        String sfOrg = "00D000000000001EAA";
        String instance = "https://bench.my.salesforce.com";
        jdbc.sql("""
                insert into salesforce_connection (id, organization_id, integration_id, direction, login_host, instance_url, sf_org_id,
                       sf_user_id, sf_username, access_token_enc, authorized_at)
                values (?, ?, ?, 'INBOUND', 'login.salesforce.com', ?, ?, '005000000000001AAA', 'bench@example.com', ?, now())""")
                .params(UUID.randomUUID(), me, myIntegration, instance, sfOrg, new byte[] {1}).update();
        UUID customObjects = integration(me, "SALESFORCE_CUSTOM_OBJECTS", myIntegration);
        UUID partnership = UUID.randomUUID();
        jdbc.sql("insert into partnership (id, inviter_org_id, invitee_org_id, status, created_at, responded_at)"
                + " values (?, ?, ?, 'ACCEPTED', now(), now())").params(partnership, me, partner).update();
        UUID population = UUID.randomUUID();
        jdbc.sql("""
                insert into population (id, organization_id, name, base_object, filter, created_at, updated_at)
                values (?, ?, 'Bench Customers', 'Account', cast(? as jsonb), now(), now())""")
                .params(population, partner, "{\"type\":\"condition\",\"field\":\"Type\",\"operator\":\"EQUALS\",\"value\":\"Customer\"}")
                .update();
        jdbc.sql("""
                insert into sharing_rule (id, organization_id, population_id, partner_org_id, level, fields, updated_at)
                values (?, ?, ?, null, 'OVERLAPPING', cast(? as jsonb), now())""")
                .params(UUID.randomUUID(), partner, population, "{\"Account\":[\"Name\",\"Industry\"]}").update();
        Timestamp ts = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        // The partner's records, their membership, and one pair per record of mine (i <-> i), generated inside PostgreSQL.
        jdbc.sql("""
                insert into crm_record (organization_id, integration_id, object, sf_id, fields, is_deleted, system_modstamp, synced_at)
                select ?, ?, 'Account', '001' || lpad(g::text, 12, '0') || 'BBB',
                       jsonb_build_object('Name', 'Partner ' || g, 'Type', 'Customer', 'Industry', 'Tech', 'Website', 'https://c' || g || '.com',
                                          'AnnualRevenue', g * 10), false, ?, ?
                  from generate_series(1, ?) g""").params(partner, partnerIntegration, ts, ts, overlaps).update();
        jdbc.sql("""
                insert into population_member (population_id, organization_id, integration_id, object, sf_id)
                select ?, ?, ?, 'Account', '001' || lpad(g::text, 12, '0') || 'BBB' from generate_series(1, ?) g""")
                .params(population, partner, partnerIntegration, overlaps).update();
        jdbc.sql("""
                insert into overlap_pair (partnership_id, a_integration_id, a_object, a_sf_id, b_integration_id, b_object, b_sf_id, evidence, matched_key)
                select ?, ?, 'Account', '001' || lpad(g::text, 12, '0') || 'AAA', ?, 'Account', '001' || lpad(g::text, 12, '0') || 'BBB',
                       'DOMAIN', 'c' || g || '.com'
                  from generate_series(1, ?) g""").params(partnership, myIntegration, partnerIntegration, overlaps).update();
        jdbc.sql("analyze crm_record").update();
        jdbc.sql("analyze population_member").update();
        jdbc.sql("analyze overlap_pair").update();
        Object clients = ctx.getBean(Class.forName("dev.crosswalk.app.auth.OutboundClients"));
        Object credentials = clients.getClass().getMethod("register", UUID.class, UUID.class, String.class).invoke(clients, me, customObjects, sfOrg);
        String clientId = (String) credentials.getClass().getMethod("clientId").invoke(credentials);
        String secret = (String) credentials.getClass().getMethod("clientSecret").invoke(credentials);
        return new Seeded(me, partner, myIntegration, partnerIntegration, partnership, population, clientId, secret, instance + CALLBACK,
                adminEmail);
    }

    private static UUID organizationOf(Object member) throws ReflectiveOperationException {
        return (UUID) member.getClass().getMethod("organizationId").invoke(member);
    }

    private UUID integration(UUID org, String kind, UUID source) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into integration (id, organization_id, kind, name, paused, status, created_at, updated_at, source_integration_id)
                values (?, ?, ?, 'bench', true, 'ACTIVE', now(), now(), ?)""").params(id, org, kind, source).update();
        return id;
    }

    // The authorization code flow as the package's Auth. Provider and an Admin's browser run it.

    private String accessToken(Seeded s) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] v = new byte[32];
        new java.security.SecureRandom().nextBytes(v);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(v);
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", s.clientId(), "redirect_uri",
                s.redirectUri(), "scope", "overlaps:read setup", "state", "bench", "code_challenge", challenge, "code_challenge_method", "S256"));
        get(browser, authorize);
        String login = get(browser, "/login").body();
        Map<String, String> fields = new java.util.LinkedHashMap<>(hidden(login));
        fields.put("username", s.adminEmail());
        fields.put("password", PASSWORD);
        HttpResponse<String> signedIn = post(browser, "/login", form(fields), null);
        HttpResponse<String> toConsent = get(browser, location(signedIn));
        HttpResponse<String> consent = get(browser, location(toConsent));
        String page = consent.body();
        String consentForm = page.substring(page.indexOf("<form id=\"consent-form\""));
        consentForm = consentForm.substring(0, consentForm.indexOf("</form>"));
        StringBuilder body = new StringBuilder();
        Matcher m = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(consentForm);
        while (m.find()) {
            body.append(body.isEmpty() ? "" : "&").append(enc(m.group(1))).append('=').append(enc(m.group(2)));
        }
        HttpResponse<String> back = post(browser, "/oauth2/authorize", body.toString(), null);
        String code = param(location(back), "code");
        String basic = Base64.getEncoder().encodeToString((enc(s.clientId()) + ":" + enc(s.clientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = post(browser, "/oauth2/token", form(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", s.redirectUri(), "code_verifier", verifier)), basic);
        Matcher t = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        if (!t.find()) {
            throw new IllegalStateException("no access token: HTTP " + token.statusCode());
        }
        return t.group(1);
    }

    private HttpResponse<String> get(HttpClient c, String pathOrUrl) throws IOException, InterruptedException {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
        return c.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient c, String path, String body, String basic) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (basic != null) {
            b.header("Authorization", "Basic " + basic);
        }
        return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("expected a redirect, got " + r.statusCode()));
    }

    private static Map<String, String> hidden(String html) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Matcher m = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static String param(String url, String name) {
        for (String kv : url.substring(url.indexOf('?') + 1).split("&")) {
            String[] p = kv.split("=", 2);
            if (p[0].equals(name)) {
                return URLDecoder.decode(p[1], StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in the redirect");
    }

    private static String form(Map<String, String> q) {
        return q.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
