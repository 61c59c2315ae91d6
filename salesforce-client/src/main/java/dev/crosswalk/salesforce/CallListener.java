package dev.crosswalk.salesforce;

/** Observes every HTTP call the client makes (after it completes). Must be fast and must not throw. */
@FunctionalInterface
public interface CallListener {

    void onCall(CallEvent event);

    static CallListener none() {
        return e -> { };
    }
}
