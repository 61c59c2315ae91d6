package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.data.DataService;
import dev.crosswalk.emulator.http.Router;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bulk API 2.0: query jobs ({@code /services/data/vXX.X/jobs/query}) and ingest jobs
 * ({@code /jobs/ingest}); Bulk API 1.0: jobs and batches ({@code /services/async/XX.X/job}). Every route passes the {@link ApiGate}, so Bulk calls count toward the
 * daily API allocation like REST calls. Jobs run on a small background executor, as on Salesforce
 * where a job is queued and processed asynchronously; its threads are daemons and time out when idle.
 */
public final class BulkEndpoints {
    private BulkEndpoints() {
    }

    public static void register(Router router, EmulatorState state, ApiGate gate) {
        register(router, state, gate, BulkSettings.defaults());
    }

    public static void register(Router router, EmulatorState state, ApiGate gate, BulkSettings settings) {
        ScheduledThreadPoolExecutor executor = executor();
        JobIds ids = new JobIds();
        QueryJobs queryJobs = new QueryJobs(state.clock(), settings, executor, ids);
        new QueryJobEndpoints(queryJobs, new SoqlQueryPlanner(state.permissions()), settings).register(router, gate);
        IngestJobs ingestJobs = new IngestJobs(state.clock(), settings, executor, ids,
                new IngestProcessor(new DataService(state), state.clock()));
        new IngestJobEndpoints(ingestJobs, state.permissions(), settings).register(router, gate);
        AsyncJobs asyncJobs = new AsyncJobs(state.clock(), settings, executor, ids, new RowWriter(new DataService(state)),
                new SoqlQueryPlanner(state.permissions()));
        new AsyncEndpoints(asyncJobs, state.permissions(), gate, state.options()).register(router);
    }

    private static ScheduledThreadPoolExecutor executor() {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "sf-emulator-bulk-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setKeepAliveTime(30, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
