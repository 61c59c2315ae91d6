package dev.crosswalk.app.health;

import dev.crosswalk.app.system.egress.EgressClient;

/**
 * What users see of a webhook delivery attempt: coarse on purpose (delivered, the HTTP status class,
 * a timeout, refused by the egress policy, not reached). Raw network errors ("connection refused"
 * against "timed out" per port) would make the alerts list a port scanner.
 */
enum DeliveryOutcome {
    DELIVERED, HTTP_1XX, HTTP_3XX, HTTP_4XX, HTTP_5XX, TIMEOUT, REFUSED_BY_POLICY, NOT_REACHED;

    static DeliveryOutcome of(EgressClient.Result result) {
        if (result instanceof EgressClient.Answered a) {
            return ofStatus(a.status());
        }
        if (result instanceof EgressClient.TimedOut) {
            return TIMEOUT;
        }
        if (result instanceof EgressClient.Refused) {
            return REFUSED_BY_POLICY;
        }
        return NOT_REACHED;
    }

    static DeliveryOutcome ofStatus(int status) {
        return switch (status / 100) {
            case 2 -> DELIVERED;
            case 1 -> HTTP_1XX;
            case 3 -> HTTP_3XX;
            case 4 -> HTTP_4XX;
            default -> HTTP_5XX;
        };
    }
}
