package dev.crosswalk.app.health;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The notifications of a member: the organization's alerts (an integration broke, recovered,
 * was paused for its API quota), newest first, and how many arrived since the member last
 * opened them (the bell's count). Other features add theirs through {@link NotificationSource}s
 * (a partner's invitation), merged in by time.
 */
@Service
public class Notifications {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<NotificationSource> sources;

    Notifications(JdbcClient jdbc, Clock clock, List<NotificationSource> sources) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sources = List.copyOf(sources);
    }

    /** One notification as the UI shows it; {@code href} is where to act on it. */
    public record Notification(UUID id, UUID integrationId, String integrationName, Kind kind, String summary, Instant at,
            boolean unread, String href) {
    }

    /** BROKEN and RECOVERED are an integration's alerts; INVITATION and PARTNER come from partners. */
    public enum Kind { BROKEN, RECOVERED, INVITATION, PARTNER }

    private Instant readUpTo(UUID memberId) {
        return jdbc.sql("select read_up_to from notification_read where member_id = ?").param(memberId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional().orElse(Instant.MIN);
    }

    private List<NotificationSource.Item> contributed(UUID organizationId, int limit) {
        List<NotificationSource.Item> out = new ArrayList<>();
        for (NotificationSource s : sources) {
            out.addAll(s.recent(organizationId, limit));
        }
        return out;
    }

    public int unread(UUID organizationId, UUID memberId) {
        Integer n = jdbc.sql("""
                select count(*) from alert a
                where a.organization_id = ? and a.created_at > coalesce(
                    (select read_up_to from notification_read where member_id = ?), '-infinity'::timestamptz)""")
                .params(organizationId, memberId).query(Integer.class).single();
        Instant readUpTo = sources.isEmpty() ? Instant.MIN : readUpTo(memberId);
        long others = contributed(organizationId, 100).stream().filter(i -> i.at().isAfter(readUpTo)).count();
        return (n == null ? 0 : n) + (int) others;
    }

    public List<Notification> recent(UUID organizationId, UUID memberId, int limit) {
        List<Notification> alerts = alerts(organizationId, memberId, limit);
        if (sources.isEmpty()) {
            return alerts;
        }
        Instant readUpTo = readUpTo(memberId);
        List<Notification> all = new ArrayList<>(alerts);
        for (NotificationSource.Item i : contributed(organizationId, limit)) {
            all.add(new Notification(UUID.nameUUIDFromBytes((i.href() + i.at()).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    null, null, i.kind(), i.summary(), i.at(), i.at().isAfter(readUpTo), i.href()));
        }
        all.sort(Comparator.comparing(Notification::at).reversed());
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    private List<Notification> alerts(UUID organizationId, UUID memberId, int limit) {
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
                            kind, summary, rs.getTimestamp("created_at").toInstant(), rs.getBoolean("unread"),
                            rs.getObject("integration_id") == null ? "/integrations"
                                    : "/integrations/" + rs.getObject("integration_id", UUID.class));
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
