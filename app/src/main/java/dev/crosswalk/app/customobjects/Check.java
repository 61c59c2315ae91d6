package dev.crosswalk.app.customobjects;

/**
 * One line of a connection's checklist as shown (✓/✗): a preflight requirement or a probe.
 *
 * @param status PASS, FAIL or UNKNOWN (could not be checked; the fix says what to look at)
 */
public record Check(String requirement, String status, String evidence, String fix) {
    public static Check pass(String requirement, String evidence) {
        return new Check(requirement, "PASS", evidence, "");
    }

    public static Check fail(String requirement, String evidence, String fix) {
        return new Check(requirement, "FAIL", evidence, fix);
    }

    public boolean passed() {
        return "PASS".equals(status);
    }

    public boolean failed() {
        return "FAIL".equals(status);
    }
}
