package dev.crosswalk.emulator.metadata;

/**
 * Where a metadata component came from: its Metadata API type and full name (the key the sf CLI
 * maps deploy messages back to local files with) and the file that defines it.
 */
public record Origin(String componentType, String fullName, String file, String text) {

    /** The 1-based line of the first occurrence of {@code needle} in the file, or 0 when absent. */
    public int lineOf(String needle) {
        if (text == null || needle == null) {
            return 0;
        }
        int at = text.indexOf(needle);
        if (at < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private int columnOf(int line, String needle) {
        String[] lines = text.split("\n", -1);
        return lines[line - 1].indexOf(needle) + 1;
    }

    /** The failure Salesforce reports for this component, placed at the line where {@code needle} appears. */
    public MetadataException error(String element, String needle, String message) {
        int line = lineOf(needle);
        int column = line == 0 ? 0 : Math.max(1, columnOf(line, needle));
        return new MetadataException(this, element, line, column, message);
    }
}
