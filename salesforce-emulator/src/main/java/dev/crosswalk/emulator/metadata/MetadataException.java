package dev.crosswalk.emulator.metadata;

/** Malformed or inconsistent SFDX metadata, naming the file and element at fault. Nothing was installed. */
public final class MetadataException extends RuntimeException {
    private final String file;
    private final String element;

    public MetadataException(String file, String element, String message) {
        super(file + (element == null ? "" : " <" + element + ">") + ": " + message);
        this.file = file;
        this.element = element;
    }

    public String file() { return file; }
    public String element() { return element; }
}
