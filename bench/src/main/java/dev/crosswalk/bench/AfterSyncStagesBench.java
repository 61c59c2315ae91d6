package dev.crosswalk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18 goal 2, in process: the after-sync stages (match keys, population membership, overlaps)
 * over N freshly "synced" Accounts, each timed with its wall clock and the CPU seconds of this JVM
 * (the stage's thread alone, too) and of the embedded PostgreSQL's processes: figures that stay
 * meaningful on a shared machine, and show whether Java or PostgreSQL does the work. The records
 * are written as the sync leaves them (jsonb fields, one {@code synced_at} per 10,000-row batch,
 * messy websites, standard picklist Types), inside PostgreSQL; with {@code partner} a second
 * organization with 10% of the same domains, keyed, in an accepted partnership, so the overlaps
 * stage has pairs to compute. {@code -Dstages.explain=true} prints the plans of the key pass's
 * page query and of the membership statements. Arguments: records (200000), partner (false).
 * Appends to bench/results/after-sync-stages.csv.
 */
public final class AfterSyncStagesBench {
    static Path DATA;
    static final boolean EXPLAIN = Boolean.getBoolean("stages.explain");
    static final StringBuilder CSV = new StringBuilder();
    static int RECORDS;

    public static void main(String[] args) throws Exception {
        int records = Integer.parseInt(args.length > 0 ? args[0] : "200000");
        boolean partner = args.length > 1 && Boolean.parseBoolean(args[1]);
        RECORDS = records;
        double load = HeapProbe.loadAverage();
        Path dataDir = Files.createTempDirectory("crosswalk-match-");
        DATA = dataDir;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Class.forName("dev.crosswalk.app.CrosswalkApplication")).run(
                "--server.address=127.0.0.1", "--server.port=0", "--crosswalk.data-dir=" + dataDir,
                "--db-scheduler.polling-interval=1h", "--logging.level.root=WARN", "--logging.level.dev.crosswalk.app.record=INFO",
                "--springdoc.api-docs.enabled=false", "--crosswalk.record-keys.page-size=" + System.getProperty("pageSize", "5000"))) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            UUID orgA = org(jdbc, "A");
            UUID intA = integration(jdbc, orgA);
            Instant t0 = Instant.now().minusSeconds(3600);
            if (partner) {
                UUID orgB = org(jdbc, "B");
                UUID intB = integration(jdbc, orgB);
                load(jdbc, orgB, intB, records - records / 10 + 1, records, t0);
                jdbc.sql("analyze crm_record").update();
                time("B keys", () -> call(ctx, "dev.crosswalk.app.record.RecordKeyService", "recompute", orgB, intB));
                jdbc.sql("""
                        insert into partnership (id, inviter_org_id, invitee_org_id, status, created_at, responded_at)
                        values (?, ?, ?, 'ACCEPTED', now(), now())""").params(UUID.randomUUID(), orgA, orgB).update();
            }
            long l = System.nanoTime();
            load(jdbc, orgA, intA, 1, records, t0.plusSeconds(60));
            jdbc.sql("analyze crm_record").update();
            System.out.printf(Locale.ROOT, "loaded %,d in %.1f s%n", records, (System.nanoTime() - l) / 1e9);
            if (EXPLAIN) explain(jdbc, """
                    select r.object, r.sf_id, r.synced_at, r.is_deleted, r.fields->>'Website', r.fields->>'Email',
                           r.fields->>'Name', r.fields->>'Company'
                    from crm_record r
                    left join record_key k on k.integration_id = r.integration_id and k.object = r.object and k.sf_id = r.sf_id
                    where r.integration_id = '%s' and r.object = any('{Account,Lead,Contact}')
                      and r.synced_at > '1970-01-01'
                      and (r.synced_at, r.object, r.sf_id) > ('1970-01-01', '', '')
                      and (false or k.sf_id is null or k.source_synced_at <> r.synced_at)
                    order by r.synced_at, r.object, r.sf_id
                    limit 5000""".formatted(intA));
            time("match-keys", () -> call(ctx, "dev.crosswalk.app.record.RecordKeyService", "recompute", orgA, intA));
            var tx = new org.springframework.transaction.support.TransactionTemplate(
                    ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class));
            call(ctx, "dev.crosswalk.app.population.PopulationService", "ensureStandard", orgA);
            UUID pid = jdbc.sql("select id from population where organization_id = ? and standard_kind = 'OPEN_OPPORTUNITIES'")
                    .param(orgA).query(UUID.class).single();
            String window = "r.integration_id = '%s' and r.organization_id = '%s' and r.object = 'Account' and r.synced_at > '1970-01-01' and r.synced_at <= now() and not r.is_deleted"
                    .formatted(intA, orgA);
            if (EXPLAIN) tx.executeWithoutResult(st -> {
                explain(jdbc, ("delete from population_member m using crm_record t where m.population_id = '%s' and t.integration_id = '%s'"
                        + " and t.object = 'Account' and t.synced_at > '1970-01-01' and t.synced_at <= now() and m.integration_id = t.integration_id"
                        + " and m.object = t.object and m.sf_id = t.sf_id").formatted(pid, intA));
                for (String pred : new String[] {"coalesce(starts_with(lower((r.fields ->> 'Type')), lower('Customer')), false)",
                        "coalesce(lower(r.fields->>'Type') = any('{prospect}'), false)", """
                        exists (select 1 from crm_record o where o.integration_id = r.integration_id and o.object = 'Opportunity'
                            and not o.is_deleted and o.fields ->> 'AccountId' = r.sf_id
                            and coalesce(lower(o.fields ->> 'IsClosed'), 'false') <> 'true')"""}) {
                    explain(jdbc, ("insert into population_member (population_id, organization_id, integration_id, object, sf_id)"
                            + " select '%s', r.organization_id, r.integration_id, r.object, r.sf_id from crm_record r where " + window
                            + " and " + pred).formatted(pid));
                }
                st.setRollbackOnly();
            });
            time("population-membership", () -> call(ctx, "dev.crosswalk.app.population.PopulationService", "refreshAfterSync", orgA, intA));
            time("overlaps", () -> call(ctx, "dev.crosswalk.app.overlap.OverlapEngine", "afterKeysChanged", orgA, intA));
            System.out.println("pairs " + jdbc.sql("select count(*) from overlap_pair").query(Long.class).single());
            System.out.println("members " + jdbc.sql("select count(*) from population_member").query(Long.class).single());
            Path out = Path.of(System.getProperty("stages.out", "bench/results/after-sync-stages.csv"));
            if (!Files.exists(out)) {
                Files.writeString(out, "timestamp,records,partner,load_average_at_start,stage,wall_s,cpu_jvm_s,cpu_stage_thread_s,cpu_postgres_s\n");
            }
            Files.writeString(out, CSV.toString().replace("{partner}", Boolean.toString(partner)).replace("{load}",
                    String.format(Locale.ROOT, "%.2f", load)), java.nio.file.StandardOpenOption.APPEND);
        } finally {
            // The embedded PostgreSQL stopped with the context; its files (gigabytes at 1,000,000 records) are of no further use.
            ScratchFiles.delete(dataDir);
        }
    }

    static void explain(JdbcClient jdbc, String sql) {
        jdbc.sql("explain (analyze, buffers) " + sql).query(String.class).list().forEach(System.out::println);
    }

    interface Work {
        Object run() throws Exception;
    }

    static void time(String what, Work w) throws Exception {
        long s = System.nanoTime();
        double[] c0 = cpu();
        long th = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Object r = w.run();
        th = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - th;
        double[] c1 = cpu();
        double wall = (System.nanoTime() - s) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %.1f s wall, cpu jvm %.1f s (this thread %.1f s), postgres %.1f s (%s)%n", what,
                wall, c1[0] - c0[0], th / 1e9, c1[1] - c0[1], r);
        CSV.append(String.format(Locale.ROOT, "%s,%d,{partner},{load},%s,%.2f,%.2f,%.2f,%.2f%n", Instant.now(), RECORDS, what, wall,
                c1[0] - c0[0], th / 1e9, c1[1] - c0[1]));
    }

    /** CPU seconds of this JVM and of the service's embedded PostgreSQL. */
    static double[] cpu() {
        return new double[] {HeapProbe.processCpuNanos() / 1e9, ProcessCpu.postgresSeconds(DATA)};
    }

    static Object call(ConfigurableApplicationContext ctx, String type, String method, UUID org) {
        try {
            Class<?> t = Class.forName(type);
            return t.getMethod(method, UUID.class).invoke(ctx.getBean(t), org);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object call(ConfigurableApplicationContext ctx, String type, String method, UUID org, UUID integration) throws Exception {
        Class<?> t = Class.forName(type);
        return t.getMethod(method, UUID.class, UUID.class).invoke(ctx.getBean(t), org, integration);
    }

    static UUID org(JdbcClient jdbc, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into organization (id, name) values (?, ?)").params(id, name).update();
        return id;
    }

    static UUID integration(JdbcClient jdbc, UUID org) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into integration (id, organization_id, kind, name, paused, status, created_at, updated_at)
                values (?, ?, 'SALESFORCE_DATA_SOURCE', 'bench', true, 'ACTIVE', now(), now())""").params(id, org).update();
        return id;
    }

    /** As the sync leaves them: one synced_at per batch of 10,000. */
    static void load(JdbcClient jdbc, UUID org, UUID integration, int first, int last, Instant at) {
        for (int from = first; from <= last; from += 10_000) {
            int to = Math.min(last, from + 9_999);
            Timestamp ts = Timestamp.from(at.plusMillis(from / 10_000));
            jdbc.sql("""
                    insert into crm_record (organization_id, integration_id, object, sf_id, fields, is_deleted, system_modstamp, synced_at)
                    select ?, ?, 'Account', '001' || lpad(g::text, 12, '0') || 'AAA',
                           jsonb_build_object('Id', '001' || lpad(g::text, 12, '0') || 'AAA', 'Name', 'Company ' || g || ' Inc.',
                             'Website', case g % 10 when 0 then '' when 1 then 'http://C' || g || '.co.uk/about'
                                          when 2 then 'www.c' || g || '.com' else 'https://www.c' || g || '.com/' end,
                             'Type', case g % 4 when 0 then 'Customer - Direct' when 1 then 'Prospect' when 2 then 'Other' else '' end,
                             'Industry', 'Technology', 'OwnerId', '005000000000001AAA', 'IsDeleted', 'false',
                             'SystemModstamp', '2025-01-01T00:00:00.000Z', 'CreatedDate', '2024-01-01T00:00:00.000Z',
                             'BillingCountry', 'United States', 'NumberOfEmployees', (g % 5000)::text, 'AnnualRevenue', (g * 10)::text),
                           false, ?, ?
                    from generate_series(?, ?) g""").params(org, integration, ts, ts, from, to).update();
        }
    }

    private AfterSyncStagesBench() {
    }
}
