package dev.crosswalk.app.overlap;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.crosswalk.app.schedule.PipelineCompleted;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When the overlap trend is written: by a recurring db-scheduler task (hourly by default, so every
 * day gets its point even without syncs; one node runs it cluster-wide) and after each completed
 * after-sync pipeline (the counts just changed). Both overwrite the day's value, so running twice is harmless.
 */
@Configuration(proxyBeanMethods = false)
class OverlapTrendJobs {

    @Bean
    RecurringTask<Void> overlapTrendTask(OverlapTrend trend,
            @Value("${crosswalk.overlap.trend-snapshot-every:PT1H}") Duration every) {
        return Tasks.recurring("overlap-trend-snapshot", FixedDelay.of(every))
                .execute((instance, ctx) -> trend.snapshotAll());
    }

    @Bean
    AfterPipeline overlapTrendAfterPipeline(OverlapTrend trend) {
        return new AfterPipeline(trend);
    }

    static class AfterPipeline {
        private final OverlapTrend trend;

        AfterPipeline(OverlapTrend trend) {
            this.trend = trend;
        }

        @TransactionalEventListener(fallbackExecution = true)
        void completed(PipelineCompleted event) {
            trend.snapshot(event.organizationId());
        }
    }
}
