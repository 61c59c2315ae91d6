package dev.crosswalk.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Copies every log event of the integration-test JVM (service and emulator, all levels the
 * loggers let through, with full stack traces) into one file, so a test can assert what never
 * appears in the logs of the whole run. Installed by {@link AppIntegrationTest} once the shared
 * Spring context has configured Logback (Spring Boot resets Logback when it starts).
 */
public final class LogCapture {
    private static final String NAME = "crosswalk-test-capture";
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("crosswalk-it-log-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LogCapture() {
    }

    /** Idempotent: attaches the capturing appender to the root logger unless it is there already. */
    public static synchronized void install() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(NAME) != null) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d %-5level [%thread] %logger %msg %mdc%n%ex{full}");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setName(NAME);
        appender.setContext(context);
        appender.setFile(FILE.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
    }

    /** Everything captured so far. */
    public static String text() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
