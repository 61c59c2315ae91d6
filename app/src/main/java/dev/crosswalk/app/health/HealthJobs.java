package dev.crosswalk.app.health;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import dev.crosswalk.app.schedule.RetryPolicies;
import dev.crosswalk.app.sync.SyncLauncher;
import dev.crosswalk.app.sync.SyncTrigger;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health jobs on db-scheduler: the probe sweep (every minute it probes the connections whose
 * probe interval elapsed, so the interval is a setting, not a cron) and webhook deliveries,
 * retried with the backoff of {@link RetryPolicies#webhookDelivery}.
 */
@Configuration(proxyBeanMethods = false)
class HealthJobs {
    static final TaskDescriptor<Void> DELIVER_ALERT = TaskDescriptor.of("deliver-alert");

    @Bean
    RecurringTask<Void> healthProbeTask(HealthProbe probe, Clock clock,
            @Value("${crosswalk.health.probe-sweep:PT1M}") Duration sweep) {
        return Tasks.recurring("health-probe", FixedDelay.of(sweep))
                .execute((instance, ctx) -> probe.probeDue(clock.instant()));
    }

    @Bean
    OneTimeTask<Void> syncRetryTask(SyncLauncher launcher) {
        return Tasks.oneTime(TransientRetry.TASK)
                .execute((instance, ctx) -> launcher.launch(UUID.fromString(instance.getId()),
                        SyncTrigger.SCHEDULE));
    }

    @Bean
    OneTimeTask<Void> alertDeliveryTask(WebhookDelivery delivery, RetryPolicies policies) {
        return Tasks.oneTime(DELIVER_ALERT)
                .onFailure(policies.<Void>webhookDelivery(
                        (complete, ops) -> delivery.gaveUp(UUID.fromString(complete.getExecution().taskInstance.getId()))))
                .execute((instance, ctx) -> delivery.deliver(UUID.fromString(instance.getId())));
    }
}
