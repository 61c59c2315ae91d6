package dev.crosswalk.app.schedule;

import java.util.UUID;

/** A stage of the after-sync pipeline threw: the pass fails with it and db-scheduler retries. */
class StageFailedException extends RuntimeException {
    private static final int MAX_CAUSE = 500;

    StageFailedException(String stage, UUID integrationId, Throwable cause) {
        super("after-sync stage " + stage + " of integration " + integrationId + " failed: " + describe(cause), cause);
    }

    /** The cause in one line for the user: its type and message, shortened. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage().strip().replaceAll("\\s+", " ");
        return message.length() <= MAX_CAUSE ? message : message.substring(0, MAX_CAUSE - 1) + "…";
    }
}
