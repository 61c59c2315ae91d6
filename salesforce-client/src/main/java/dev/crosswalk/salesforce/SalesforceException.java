package dev.crosswalk.salesforce;

/**
 * The one exception this library throws for Salesforce failures. Unchecked; switch on
 * {@link #error()} to decide what to do.
 */
public final class SalesforceException extends RuntimeException {

    private final transient SalesforceError error;

    public SalesforceException(SalesforceError error) {
        super(error.message());
        this.error = error;
    }

    public SalesforceException(SalesforceError error, Throwable cause) {
        super(error.message(), cause);
        this.error = error;
    }

    public SalesforceError error() {
        return error;
    }
}
