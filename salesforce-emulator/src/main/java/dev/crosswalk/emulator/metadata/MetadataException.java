package dev.crosswalk.emulator.metadata;

/**
 * Malformed or inconsistent metadata, naming the component, file, line and element at fault
 * (what a deploy reports as a component failure). Nothing was installed.
 */
public final class MetadataException extends RuntimeException {
    private final Origin origin;
    private final String element;
    private final int line;
    private final int column;
    private final String problem;

    public MetadataException(Origin origin, String element, int line, int column, String problem) {
        super(origin.file() + (line > 0 ? ":" + line : "") + (element == null ? "" : " <" + element + ">") + ": " + problem);
        this.origin = origin;
        this.element = element;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** A problem with a file that is not (yet) a known component, e.g. sfdx-project.json. */
    public MetadataException(String file, String element, String problem) {
        this(new Origin("", file, file, null), element, 0, 0, problem);
    }

    public Origin origin() { return origin; }
    public String file() { return origin.file(); }
    public String element() { return element; }
    public int line() { return line; }
    public int column() { return column; }
    /** The message alone, as Salesforce's DeployMessage {@code problem}. */
    public String problem() { return problem; }
}
