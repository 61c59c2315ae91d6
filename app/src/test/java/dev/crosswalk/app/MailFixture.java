package dev.crosswalk.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SMTP server (GreenMail) on a free loopback port for the service's integration tests,
 * started once per JVM like {@link SalesforceFixture}; the application sends its alert emails
 * there ({@code spring.mail.host/port} in {@link AppIntegrationTest}).
 */
public final class MailFixture {
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    static {
        SMTP.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SMTP::stop));
    }

    private MailFixture() {
    }

    public static int port() {
        return SMTP.getSmtp().getPort();
    }

    /** Messages received so far for {@code address}. */
    /**
     * The messages sent to {@code address}, each once: GreenMail stores a copy of a message per
     * recipient, so a mail to several Admins would otherwise count once per Admin.
     */
    public static List<MimeMessage> to(String address) {
        Map<String, MimeMessage> byId = new LinkedHashMap<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            try {
                if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                    byId.putIfAbsent(m.getMessageID(), m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException("unreadable test mail", e);
            }
        }
        return List.copyOf(byId.values());
    }
}
