package dev.crosswalk.emulator.http;

/** Handles one routed request. Throw {@link ApiException} / {@link OAuthException} for errors. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request) throws Exception;
}
