package dev.crosswalk.app.customobjects;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Checks of Custom Objects integrations ({@code crosswalk.custom-objects.*}).
 *
 * @param probeInterval      how often both connections are probed (two cheap calls each)
 * @param preflightInterval  how often a probe also runs the full permission preflight
 * @param outboundProbePath  the resource of the Salesforce org, called with the Inbound token, that makes a
 *                           {@code callout:Crosswalk} to the package API's status and returns its answer. The
 *                           emulator offers it generically; in a real org it is an Apex REST resource of the package
 */
@ConfigurationProperties("crosswalk.custom-objects")
public record CustomObjectsProperties(Duration probeInterval, Duration preflightInterval, String outboundProbePath) {
    public CustomObjectsProperties {
        probeInterval = probeInterval == null ? Duration.ofMinutes(5) : probeInterval;
        preflightInterval = preflightInterval == null ? Duration.ofHours(1) : preflightInterval;
        outboundProbePath = outboundProbePath == null || outboundProbePath.isBlank()
                ? "/_emulator/callout/Crosswalk/api/package/v1/status" : outboundProbePath;
    }
}
