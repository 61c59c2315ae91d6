package dev.crosswalk.app.health;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The notifications of a member: the organization's alerts (an integration broke, recovered,
 * was paused for its API quota), newest first, and how many arrived since the member last
 * opened them (the bell's count).
 */
@Service
public class Notifications {
    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One notification as the UI shows it. */
    public record Notification(UUID id, UUID integrationId, String integrationName, Kind kind, String summary, Instant at,
            boolean unread) {
    }

    public enum Kind { BROKEN, RECOVERED }

    public int unread(UUID organizationId, UUID memberId) {
        Integer n = jdbc.sql("""
                select count(*) from alert a
                where a.organization_id = ? and a.created_at > coalesce(
                    (select read_up_to from notification_read where member_id = ?), '-infinity'::timestamptz)""")
                .params(organizationId, memberId).query(Integer.class).single();
        return n == null ? 0 : n;
    }

    public List<Notification> recent(UUID organizationId, UUID memberId, int limit) {
        return jdbc.sql("""
                select a.id, a.integration_id, i.name, a.kind, a.created_at,
                       a.created_at > coalesce((select read_up_to from notification_read where member_id = ?),
                                               '-infinity'::timestamptz) as unread,
                       a.payload -> 'errors' -> 0 ->> 'message' as first_message
                from alert a left join integration i on i.id = a.integration_id
                where a.organization_id = ? order by a.created_at desc limit ?""")
                .params(memberId, organizationId, limit)
                .query((rs, n) -> {
                    Kind kind = "RECOVERED".equals(rs.getString("kind")) ? Kind.RECOVERED : Kind.BROKEN;
                    String name = rs.getString("name") == null ? "A removed integration" : rs.getString("name");
                    String first = rs.getString("first_message");
                    String summary = kind == Kind.RECOVERED ? name + " works again."
                            : name + " stopped syncing" + (first == null ? "." : ": " + first);
                    return new Notification(rs.getObject("id", UUID.class), rs.getObject("integration_id", UUID.class), name,
                            kind, summary, rs.getTimestamp("created_at").toInstant(), rs.getBoolean("unread"));
                })
                .list();
    }

    /** Everything up to now counts as read. */
    public void markAllRead(UUID memberId) {
        jdbc.sql("""
                insert into notification_read (member_id, read_up_to) values (?, ?)
                on conflict (member_id) do update set read_up_to = excluded.read_up_to""")
                .params(memberId, Timestamp.from(clock.instant())).update();
    }
}
