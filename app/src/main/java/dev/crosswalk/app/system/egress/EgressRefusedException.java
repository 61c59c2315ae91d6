package dev.crosswalk.app.system.egress;

import java.net.UnknownHostException;

/**
 * A URL or address the {@link EgressPolicy} refuses; the message completes "the URL …" and is safe
 * to show. An {@link UnknownHostException} so that the HTTP client's resolver can throw it and the
 * connection is never opened.
 */
public final class EgressRefusedException extends UnknownHostException {
    public EgressRefusedException(String reason) {
        super(reason);
    }
}
