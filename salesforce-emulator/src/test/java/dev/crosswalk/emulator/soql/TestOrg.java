package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardSchema;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** An in-memory org with the standard schema, a fixed clock and a terse way to add records. */
final class TestOrg {
    /** Friday 2024-03-15 12:00 UTC; the week (Sunday start) began on 2024-03-10. */
    static final Instant NOW = Instant.parse("2024-03-15T12:00:00Z");

    final Org org;
    final SoqlEngine engine = new SoqlEngine();

    TestOrg() {
        org = new Org("00DRx0000000001AAA", "Test", Clock.fixed(NOW, ZoneOffset.UTC), 15000);
        StandardSchema.install(org);
    }

    /** Adds a record: alternating field names and values; IsDeleted defaults to false. */
    Record insert(String typeName, Object... fieldsAndValues) {
        SObjectType type = org.type(typeName).orElseThrow();
        Record r = new Record(org.newId(type), type.fields().size());
        r.set(type.require("IsDeleted"), false);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            r.set(type.require((String) fieldsAndValues[i]), fieldsAndValues[i + 1]);
        }
        org.store(type).put(r);
        return r;
    }

    void delete(Record r) {
        SObjectType type = org.typeForId(r.id()).orElseThrow();
        r.set(type.require("IsDeleted"), true);
    }

    PreparedQuery prepare(String soql) {
        return engine.prepare(org, QueryAccess.ALL, soql, QueryOptions.QUERY);
    }

    PreparedQuery prepare(String soql, QueryOptions options) {
        return engine.prepare(org, QueryAccess.ALL, soql, options);
    }

    List<Record> rows(String soql) {
        PreparedQuery q = prepare(soql);
        return org.read(q::execute);
    }

    List<Record> rows(String soql, QueryOptions options) {
        PreparedQuery q = prepare(soql, options);
        return org.read(q::execute);
    }

    /** The values of the first column, in result order. */
    List<Object> column(String soql) {
        PreparedQuery q = prepare(soql);
        return org.read(() -> q.execute().stream().map(r -> q.value(r, q.columns().get(0))).toList());
    }

    SoqlException error(String soql) {
        return error(soql, QueryOptions.QUERY);
    }

    SoqlException error(String soql, QueryOptions options) {
        try {
            engine.prepare(org, QueryAccess.ALL, soql, options);
        } catch (SoqlException e) {
            return e;
        }
        throw new AssertionError("expected a SoqlException for " + soql);
    }
}
