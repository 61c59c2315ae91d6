package dev.crosswalk.app.push;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The push job: one instance per Custom Objects integration. After a push with lock errors
 * (UNABLE_TO_LOCK_ROW), the instance is rescheduled for the earliest retry time instead of
 * waiting for the next sync.
 */
@Configuration(proxyBeanMethods = false)
class PushJobs {
    static final String TASK = "push-integration";

    @Bean
    CustomTask<Void> pushIntegrationTask(PushEngine engine, PushStore store, Clock clock) {
        return Tasks.custom(TASK, Void.class)
                .execute((instance, ctx) -> {
                    UUID id = UUID.fromString(instance.getId());
                    engine.push(id, "QUEUED");
                    return store.earliestLockRetry(id)
                            .<com.github.kagkarlsson.scheduler.task.CompletionHandler<Void>>map(at -> (done, ops) -> ops.reschedule(done,
                                    at.isBefore(clock.instant()) ? clock.instant() : at))
                            .orElse((done, ops) -> ops.remove());
                });
    }
}
