package dev.crosswalk.salesforce;

import java.util.Locale;

/** Bulk API 2.0 job states. */
public enum JobState {
    OPEN("Open"), UPLOAD_COMPLETE("UploadComplete"), IN_PROGRESS("InProgress"), JOB_COMPLETE("JobComplete"),
    FAILED("Failed"), ABORTED("Aborted"), UNKNOWN("Unknown");

    private final String wire;

    JobState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean isTerminal() {
        return this == JOB_COMPLETE || this == FAILED || this == ABORTED;
    }

    public static JobState parse(String s) {
        if (s == null) {
            return UNKNOWN;
        }
        for (JobState v : values()) {
            if (v.wire.toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        return UNKNOWN;
    }
}
