package dev.crosswalk.salesforce;

import java.util.List;
import java.util.stream.Collectors;

/** The preflight's answer: one line per requirement, in the order asked. */
public record PreflightReport(String username, List<Line> lines) {

    public PreflightReport {
        lines = List.copyOf(lines);
    }

    public enum Status { PASS, FAIL, UNKNOWN }

    /**
     * @param evidence which call or query showed it (e.g. {@code SOQL: SELECT … FROM PermissionSetAssignment …})
     * @param fix      what an admin should do, in words; empty for PASS
     */
    public record Line(Requirement requirement, Status status, String evidence, String fix) {
    }

    public boolean allPassed() {
        return lines.stream().allMatch(l -> l.status() == Status.PASS);
    }

    public List<Line> failures() {
        return lines.stream().filter(l -> l.status() == Status.FAIL).toList();
    }

    public Line lineFor(Requirement requirement) {
        return lines.stream().filter(l -> l.requirement().equals(requirement)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not in report: " + requirement));
    }

    /** A plain-text rendering, one line per requirement. */
    public String render() {
        return lines.stream()
                .map(l -> String.format("%-7s %s — %s%s", l.status(), l.requirement().title(), l.evidence(),
                        l.fix().isEmpty() ? "" : " → " + l.fix()))
                .collect(Collectors.joining("\n"));
    }
}
