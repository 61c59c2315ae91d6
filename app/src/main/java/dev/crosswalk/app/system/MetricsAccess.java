package dev.crosswalk.app.system;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may read the actuator beyond {@code /actuator/health}: the metrics show sync totals across
 * all tenants, so no member of any organization may, only the operator's scraper. Either the
 * request arrives on the management port ({@code management.server.port}, which the operator
 * binds to a private interface), or it sends {@code Authorization: Bearer <crosswalk.metrics.scrape-token>}.
 * With neither configured, the metrics are not served to anyone over HTTP.
 */
@Component
class MetricsAccess {
    private static final String BEARER = "Bearer ";

    private final int managementPort;
    private final int serverPort;
    private final byte[] scrapeToken;

    MetricsAccess(@Value("${management.server.port:-1}") int managementPort, @Value("${server.port:8080}") int serverPort,
            @Value("${crosswalk.metrics.scrape-token:}") String scrapeToken) {
        this.managementPort = managementPort;
        this.serverPort = serverPort;
        this.scrapeToken = scrapeToken.isBlank() ? null : scrapeToken.getBytes(StandardCharsets.UTF_8);
    }

    boolean allows(HttpServletRequest request) {
        if (managementPort > 0 && managementPort != serverPort && request.getLocalPort() == managementPort) {
            return true;
        }
        return isScrapeToken(request);
    }

    /** True when the request carries the operator's scrape token (so it is not mistaken for a personal API token). */
    boolean isScrapeToken(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        if (scrapeToken == null || h == null || !h.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(scrapeToken, h.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8));
    }
}
