package dev.crosswalk.app.customobjects;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.crosswalk.app.integration.CustomObjectsAuthorized;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When Custom Objects integrations are checked: every probe interval (a db-scheduler recurring
 * task, so one node probes), and at once after an authorization is committed — in the callback's
 * thread, so the page the admin lands on already shows the verified state.
 */
@Configuration(proxyBeanMethods = false)
class CustomObjectsJobs {
    private static final Logger LOG = LoggerFactory.getLogger(CustomObjectsJobs.class);

    private final CustomObjectsHealth health;

    CustomObjectsJobs(CustomObjectsHealth health) {
        this.health = health;
    }

    @Bean
    RecurringTask<Void> customObjectsProbeTask(CustomObjectsProperties properties) {
        return Tasks.recurring("custom-objects-probe", FixedDelay.of(properties.probeInterval()))
                .execute((instance, ctx) -> health.probeAll());
    }

    /** A failed verification never undoes the authorization: the admin sees the checklist and can Test again. */
    @TransactionalEventListener(fallbackExecution = true)
    void authorized(CustomObjectsAuthorized event) {
        try {
            health.verify(event.integrationId());
        } catch (RuntimeException e) {
            LOG.warn("verifying Custom Objects integration {} failed", event.integrationId(), e);
        }
    }
}
