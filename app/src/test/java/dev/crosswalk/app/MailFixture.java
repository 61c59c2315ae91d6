package dev.crosswalk.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

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
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
