package dev.crosswalk.salesforce;

/** Bulk API 2.0 ingest operations. */
public enum IngestOperation {
    INSERT("insert"), UPDATE("update"), UPSERT("upsert"), DELETE("delete"), HARD_DELETE("hardDelete");

    private final String wire;

    IngestOperation(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
