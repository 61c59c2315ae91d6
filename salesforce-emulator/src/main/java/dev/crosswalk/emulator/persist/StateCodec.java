package dev.crosswalk.emulator.persist;

import dev.crosswalk.emulator.model.FieldDef;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Field values to and from JSON by field type: dates as ISO strings, datetimes as epoch milliseconds. */
final class StateCodec {
    private StateCodec() {
    }

    static void write(JsonGenerator g, FieldDef field, Object value) {
        switch (field.type()) {
            case BOOLEAN -> g.writeBoolean((Boolean) value);
            case INT -> g.writeNumber((Integer) value);
            case DOUBLE, CURRENCY, PERCENT -> g.writeNumber(((Number) value).doubleValue());
            case DATE -> g.writeString(value.toString());
            case DATETIME -> g.writeNumber(((Instant) value).toEpochMilli());
            default -> g.writeString((String) value);
        }
    }

    static Object read(JsonParser p, FieldDef field) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        return switch (field.type()) {
            case BOOLEAN -> p.getBooleanValue();
            case INT -> p.getIntValue();
            case DOUBLE, CURRENCY, PERCENT -> p.getDoubleValue();
            case DATE -> LocalDate.parse(p.getString());
            case DATETIME -> Instant.ofEpochMilli(p.getLongValue());
            default -> p.getString();
        };
    }
}
