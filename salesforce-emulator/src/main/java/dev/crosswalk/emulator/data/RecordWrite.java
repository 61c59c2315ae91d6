package dev.crosswalk.emulator.data;

/**
 * One record of a create or update batch. Collections mix types in one call, so the type is
 * per record.
 *
 * @param type   the sObject type name as the caller gave it (null on update: taken from the id's key prefix)
 * @param id     the record id (15 or 18 characters) for updates; null for creates
 * @param values the fields to write
 */
public record RecordWrite(String type, String id, RecordInput values) {

    public static RecordWrite create(String type, RecordInput values) {
        return new RecordWrite(type, null, values);
    }

    public static RecordWrite update(String type, String id, RecordInput values) {
        return new RecordWrite(type, id, values);
    }

    /** An update whose id is among the values (Bulk CSV {@code Id} column, collection {@code id} key). */
    public static RecordWrite updateFromValues(String type, RecordInput values) {
        String id = values.find("Id").map(e -> e.getValue().asText()).orElse(null);
        return new RecordWrite(type, id, values.without("Id"));
    }
}
