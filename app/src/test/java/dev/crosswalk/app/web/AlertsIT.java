package dev.crosswalk.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.crosswalk.app.MailFixture;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Team → Alerts in Chromium: a webhook refused by the egress policy says why on the form; a
 * webhook on a loopback receiver is added (its secret shown once), answers a signed test, receives
 * the alert of a broken integration and shows it Delivered; Admins get the alert by email through
 * SMTP (GreenMail on loopback) unless they turned alert emails off; the webhook is deleted after
 * a confirmation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsIT extends BrowserTest {
    private HttpServer receiver;
    private final List<String> signatures = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            signatures.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Crosswalk-Signature")));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    @Order(1)
    void a_webhook_to_a_private_network_is_refused_on_the_form() {
        signInAsAdmin();
        click(By.cssSelector("#user-menu summary"));
        click(By.linkText("Alerts"));
        assertThat(text(By.tagName("h2"))).isEqualTo("Alerts");
        checkPage("alerts-empty");
        find(By.id("webhook-url")).sendKeys("http://10.1.2.3/hook");
        click(By.id("add-webhook-button"));
        assertThat(text(By.id("webhook-url-error"))).isNotBlank();
        assertThat(find(By.id("webhook-url")).getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    @Order(2)
    void a_webhook_is_added_and_answers_a_signed_test() {
        signInAsAdmin();
        open("/team/alerts");
        find(By.id("webhook-url")).clear();
        find(By.id("webhook-url")).sendKeys(hookUrl());
        find(By.id("webhook-description")).sendKeys("Ops channel");
        click(By.id("add-webhook-button"));
        assertThat(text(By.id("new-secret"))).contains("whsec_");
        assertThat(text(By.id("webhooks"))).contains(hookUrl()).contains("Ops channel");
        click(By.cssSelector("#webhooks button.send-test"));
        assertThat(awaitFlash("Test delivered")).startsWith("Test delivered");
        assertThat(signatures).hasSize(1).allMatch(s -> s.startsWith("sha256="));
        open("/team/alerts");
        assertThat(browser.findElements(By.id("new-secret"))).as("the secret is shown once").isEmpty();
        checkPage("alerts-webhook");
    }

    @Test
    @Order(3)
    void a_broken_integration_is_emailed_to_admins_and_delivered_to_the_webhook() {
        connectAndBreak("Alert Mail");
        List<MimeMessage> mails = MailFixture.to(ADMIN_EMAIL).stream().filter(m -> subject(m).contains("Alert Mail")).toList();
        assertThat(mails).hasSize(1);
        assertThat(subject(mails.get(0))).isEqualTo("[Crosswalk] Alert Mail stopped syncing");

        signInAsAdmin();
        open("/team/alerts");
        wait.until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("alerts-sent")).getText().contains("Alert Mail stopped syncing")
                    && d.findElement(By.id("alerts-sent")).getText().contains("Delivered");
        });
        checkPage("alerts-sent");
    }

    @Test
    @Order(4)
    void an_admin_who_turned_alert_emails_off_gets_none() {
        signInAsAdmin();
        open("/team/alerts");
        assertThat(text(By.id("email-state"))).isEqualTo("You get alert emails.");
        click(By.id("email-toggle"));
        assertThat(text(By.id("email-state"))).isEqualTo("You do not get alert emails.");

        connectAndBreak("Alert Quiet");
        open("/team/alerts");
        wait.until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("alerts-sent")).getText().contains("Alert Quiet stopped syncing");
        });
        assertThat(MailFixture.to(ADMIN_EMAIL).stream().filter(m -> subject(m).contains("Alert Quiet"))).isEmpty();
        click(By.id("email-toggle"));
        assertThat(text(By.id("email-state"))).isEqualTo("You get alert emails.");
    }

    @Test
    @Order(5)
    void a_webhook_is_deleted_after_confirmation() {
        signInAsAdmin();
        open("/team/alerts");
        click(By.cssSelector("#webhooks button.delete-webhook"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(awaitFlash("Webhook deleted.")).isEqualTo("Webhook deleted.");
        assertThat(find(By.id("no-webhooks")).isDisplayed()).isTrue();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
