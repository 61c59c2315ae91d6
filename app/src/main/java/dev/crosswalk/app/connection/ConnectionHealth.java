package dev.crosswalk.app.connection;

/** How a connection is doing, independent of the integration's status. */
public enum ConnectionHealth {
    HEALTHY, REFRESH_FAILING, NEEDS_REAUTHORIZATION
}
