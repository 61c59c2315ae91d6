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

    /** The failure Salesforce reports for this component, placed at the line where {@code needle} appears. */
    public MetadataException error(String element, String needle, String message) {
        return new MetadataException(this, element, lineOf(needle), 0, message);
    }
}
