package dev.crosswalk.app.schedule;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerConfigurationSupport;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues db-scheduler executions. A client of its own on the scheduler's table, not the
 * {@code Scheduler} bean: the Scheduler needs every task, the tasks need the services that run
 * them, and those services queue jobs. With a plain client that circle does not exist (no
 * lazy injection anywhere). Executions due now are picked up at once: {@link JobsQueued} wakes
 * the local scheduler after the queuing transaction commits ({@link DueJobsNow}); other nodes see
 * them on their next poll.
 */
@Component
public class Jobs {
    private final SchedulerClient client;
    private final JdbcClient jdbc;
    private final String table;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Jobs(DataSource dataSource, JdbcClient jdbc, @Value("${db-scheduler.table-name:scheduled_tasks}") String table,
            ApplicationEventPublisher events, Clock clock) {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("db-scheduler.table-name must be a plain SQL name, was " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
        // Same data source wrapping and serializer as the starter's Scheduler, so both read what the other wrote.
        this.client = SchedulerClient.Builder.create(DbSchedulerConfigurationSupport.configureDataSource(dataSource))
                .serializer(DbSchedulerConfigurationSupport.SPRING_JAVA_SERIALIZER)
                .tableName(table)
                .build();
        this.events = events;
        this.clock = clock;
    }

    /** Queues the execution to run now unless one with its id is already queued or running. */
    public <T> boolean queueNow(TaskDescriptor<T> task, String id, T data) {
        return queueAt(task, id, data, clock.instant());
    }

    /** Queues the execution for {@code at} unless one with its id is already queued or running. */
    public <T> boolean queueAt(TaskDescriptor<T> task, String id, T data, Instant at) {
        boolean queued = client.scheduleIfNotExists(task.instance(id).data(data).scheduledTo(at));
        if (queued && !at.isAfter(clock.instant())) {
            events.publishEvent(new JobsQueued());
        }
        return queued;
    }

    /**
     * Cancels a queued execution; one already picked (running) or gone is left alone. In SQL: the
     * client resolves executions through the tasks it knows, and this one knows none (see above).
     */
    public void cancel(TaskInstanceId id) {
        jdbc.sql("delete from " + table + " where task_name = ? and task_instance = ? and not picked")
                .params(id.getTaskName(), id.getId()).update();
    }

    /** Published when an execution due now was queued; see {@link DueJobsNow}. */
    record JobsQueued() {
    }
}
