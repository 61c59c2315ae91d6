package dev.crosswalk.app.health;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Alert emails to the organization's Admins through the configured SMTP server
 * ({@code spring.mail.*}; without {@code spring.mail.host} no mail is sent). Each Admin may opt
 * out for themselves. Sent once the status change has committed, so a rolled-back change mails nobody.
 */
@Service
public class AlertEmails {
    private static final Logger LOG = LoggerFactory.getLogger(AlertEmails.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String from;
    private final String baseUrl;

    AlertEmails(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, Clock clock,
            @Value("${crosswalk.alerts.email-from:crosswalk@localhost}") String from,
            @Value("${crosswalk.base-url:}") String baseUrl) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    /** Raised by {@link AlertService} inside the transaction that changed the status. */
    record AlertRaised(UUID organizationId, UUID integrationId, AlertService.Kind kind, List<IntegrationError> errors) {
    }

    public boolean optedOut(UUID memberId) {
        return jdbc.sql("select count(*) from alert_email_opt_out where member_id = ?").param(memberId).query(Integer.class)
                .single() > 0;
    }

    public void setOptOut(UUID memberId, boolean optOut) {
        if (optOut) {
            jdbc.sql("insert into alert_email_opt_out (member_id, opted_out_at) values (?, ?) on conflict do nothing")
                    .params(memberId, Timestamp.from(clock.instant())).update();
        } else {
            jdbc.sql("delete from alert_email_opt_out where member_id = ?").param(memberId).update();
        }
    }

    /** Whether an SMTP server is configured at all (the page says so when not). */
    public boolean configured() {
        return mail.getIfAvailable() != null;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void send(AlertRaised alert) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        List<String> to = jdbc.sql("""
                select m.email from member m
                where m.organization_id = ? and m.role = 'ADMIN'
                  and not exists (select 1 from alert_email_opt_out o where o.member_id = m.id)
                order by m.email""").param(alert.organizationId()).query(String.class).list();
        if (to.isEmpty()) {
            return;
        }
        String name = jdbc.sql("select name from integration where id = ?").param(alert.integrationId()).query(String.class)
                .optional().orElse("An integration");
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(to.toArray(String[]::new));
        boolean broken = alert.kind() == AlertService.Kind.INTO_ERROR;
        m.setSubject("[Crosswalk] " + name + (broken ? " stopped syncing" : " works again"));
        StringBuilder text = new StringBuilder();
        text.append(broken ? name + " stopped syncing.\n\n" : name + " works again: every error is cleared.\n\n");
        for (IntegrationError e : alert.errors()) {
            text.append("What happened: ").append(e.message()).append('\n').append("Fix: ").append(e.fix()).append("\n\n");
        }
        String link = baseUrl.isBlank() ? "/integrations/" + alert.integrationId() + "/errors"
                : baseUrl.replaceAll("/+$", "") + "/integrations/" + alert.integrationId() + "/errors";
        text.append(broken ? "Fix it in Crosswalk: " : "See it in Crosswalk: ").append(link).append("\n\n")
                .append("You get this as an Admin. To stop these emails: Team → Alerts → Email me alerts.\n");
        m.setText(text.toString());
        try {
            sender.send(m);
        } catch (MailException e) {
            // An unreachable mail server must not fail the sync that raised the alert; webhooks still go out.
            LOG.warn("alert email for integration {} not sent: {}", alert.integrationId(), e.getMessage());
        }
    }
}
