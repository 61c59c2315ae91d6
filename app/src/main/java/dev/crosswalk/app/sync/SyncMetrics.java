package dev.crosswalk.app.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters of finished runs (scraped at {@code /actuator/prometheus}): run duration,
 * records read/upserted/deleted per object, and Salesforce API calls. Built from the run's row
 * when {@link RunFinished} arrives, so the engine itself stays free of metrics code. Tags:
 * {@code trigger} (schedule, manual, …), {@code outcome} (the run's status) and, for records,
 * {@code object}.
 */
@Component
class SyncMetrics {
    static final String DURATION = "crosswalk.sync.duration";
    static final String RECORDS = "crosswalk.sync.records.";
    static final String API_CALLS = "crosswalk.sync.api.calls";

    private final MeterRegistry registry;
    private final SyncRunRepository runs;

    SyncMetrics(MeterRegistry registry, SyncRunRepository runs) {
        this.registry = registry;
        this.runs = runs;
    }

    @EventListener
    void finished(RunFinished event) {
        RunOutcome o = event.outcome();
        if (o.started()) {
            runs.find(o.organizationId(), o.runId()).ifPresent(this::record);
        }
    }

    void record(SyncRun run) {
        String trigger = run.trigger().name().toLowerCase();
        String outcome = run.status().toLowerCase();
        if (run.endedAt() != null) {
            Timer.builder(DURATION).description("Duration of sync runs").tag("trigger", trigger).tag("outcome", outcome)
                    .register(registry).record(Duration.between(run.startedAt(), run.endedAt()));
        }
        Counter.builder(API_CALLS).description("Salesforce API calls made by sync runs").tag("trigger", trigger)
                .tag("outcome", outcome).register(registry).increment(run.apiCalls());
        run.objects().forEach((object, counts) -> {
            count("read", object, trigger, outcome, counts.read());
            count("upserted", object, trigger, outcome, counts.upserted());
            count("deleted", object, trigger, outcome, counts.deleted());
        });
    }

    private void count(String what, String object, String trigger, String outcome, long n) {
        Counter.builder(RECORDS + what).description("Records " + what + " by sync runs").tag("object", object)
                .tag("trigger", trigger).tag("outcome", outcome).register(registry).increment(n);
    }
}
