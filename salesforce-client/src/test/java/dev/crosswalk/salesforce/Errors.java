package dev.crosswalk.salesforce;

/** Test helper: the {@link SalesforceError} a call fails with. */
public final class Errors {

    private Errors() {
    }

    public static SalesforceError errorOf(Runnable call) {
        try {
            call.run();
        } catch (SalesforceException e) {
            return e.error();
        }
        throw new AssertionError("expected a SalesforceException");
    }
}
