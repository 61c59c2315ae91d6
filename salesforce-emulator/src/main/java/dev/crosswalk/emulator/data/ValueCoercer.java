package dev.crosswalk.emulator.data;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Converts a {@link FieldInput} to the Java type of a field (text → String, BOOLEAN → Boolean,
 * INT → Integer, DOUBLE/CURRENCY/PERCENT → Double, DATE → LocalDate, DATETIME → Instant) and
 * checks what Salesforce checks per value: length, restricted picklists, numeric range, email
 * syntax. JSON type mismatches answer like Salesforce's JSON parser ({@code JSON_PARSER_ERROR});
 * CSV text mismatches like the Bulk API ({@code INVALID_TYPE_ON_FIELD_IN_RECORD}).
 * References are only checked for syntax here; whether the target exists is the caller's job.
 */
public final class ValueCoercer {

    /** A converted value, or the error that prevented it. */
    public record Coerced(Object value, ApiError error) {
        static Coerced ok(Object value) {
            return new Coerced(value, null);
        }

        static Coerced fail(ApiError error) {
            return new Coerced(null, error);
        }

        public boolean failed() {
            return error != null;
        }
    }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final DateTimeFormatter LOCAL_DATETIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .toFormatter(Locale.ROOT);
    /** {@code +0000}, {@code +00:00}, {@code +00} and {@code Z}: Salesforce accepts all of them. */
    private static final List<DateTimeFormatter> DATETIME_FORMATS = List.of(
            offsetFormat("+HH:MM"), offsetFormat("+HHMM"), offsetFormat("+HH"));

    private ValueCoercer() {
    }

    private static DateTimeFormatter offsetFormat(String offsetPattern) {
        return new DateTimeFormatterBuilder().append(LOCAL_DATETIME).appendOffset(offsetPattern, "Z").toFormatter(Locale.ROOT);
    }

    /** Parses the datetime forms Salesforce accepts; null if none matches. Stored with ms precision. */
    public static Instant parseDateTime(String s) {
        String t = s.trim();
        for (DateTimeFormatter f : DATETIME_FORMATS) {
            try {
                return OffsetDateTime.parse(t, f).toInstant().truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return LocalDateTime.parse(t, LOCAL_DATETIME).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            // not a local datetime either
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Parses a date; CSV also accepts a datetime and keeps its date part. Null if invalid. */
    static LocalDate parseDate(String s, boolean lenient) {
        String t = s.trim();
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            if (!lenient) {
                return null;
            }
            Instant i = parseDateTime(t);
            return i == null ? null : LocalDate.ofInstant(i, ZoneOffset.UTC);
        }
    }

    /** Converts and checks one value. {@link FieldInput.ParentRef} is not handled here. */
    public static Coerced coerce(FieldDef f, FieldInput input) {
        if (input.isNull()) {
            // Checkboxes cannot be null in Salesforce: clearing one unchecks it.
            return Coerced.ok(f.type() == FieldType.BOOLEAN ? Boolean.FALSE : null);
        }
        if (input instanceof FieldInput.Json j) {
            return fromJson(f, j.node());
        }
        if (input instanceof FieldInput.Text t) {
            return fromText(f, t.text());
        }
        throw new IllegalArgumentException("parent references are resolved by the caller");
    }

    private static Coerced fromJson(FieldDef f, JsonNode n) {
        if (n.isContainer()) {
            return Coerced.fail(parserError(f, n));
        }
        if (f.type().isText()) {
            return checkText(f, n.asString());
        }
        return switch (f.type()) {
            case BOOLEAN -> {
                if (n.isBoolean()) {
                    yield Coerced.ok(n.booleanValue());
                }
                if (n.isString() && (n.stringValue().equalsIgnoreCase("true") || n.stringValue().equalsIgnoreCase("false"))) {
                    yield Coerced.ok(Boolean.parseBoolean(n.stringValue().toLowerCase(Locale.ROOT)));
                }
                yield Coerced.fail(parserError(f, n));
            }
            case INT, DOUBLE, CURRENCY, PERCENT -> {
                BigDecimal d = null;
                if (n.isNumber()) {
                    d = n.decimalValue();
                } else if (n.isString()) {
                    if (n.stringValue().isBlank()) {
                        yield Coerced.ok(null);
                    }
                    d = decimal(n.stringValue());
                }
                if (d == null || (f.type() == FieldType.INT && !isIntegral(d))) {
                    yield Coerced.fail(parserError(f, n));
                }
                yield checkNumber(f, d, n.asString());
            }
            case DATE -> {
                if (n.isString()) {
                    if (n.stringValue().isBlank()) {
                        yield Coerced.ok(null);
                    }
                    LocalDate d = parseDate(n.stringValue(), false);
                    if (d != null) {
                        yield Coerced.ok(d);
                    }
                }
                yield Coerced.fail(parserError(f, n));
            }
            case DATETIME -> {
                if (n.isString()) {
                    if (n.stringValue().isBlank()) {
                        yield Coerced.ok(null);
                    }
                    Instant i = parseDateTime(n.stringValue());
                    if (i != null) {
                        yield Coerced.ok(i);
                    }
                }
                yield Coerced.fail(parserError(f, n));
            }
            default -> Coerced.fail(parserError(f, n));
        };
    }

    private static Coerced fromText(FieldDef f, String s) {
        if (f.type().isText()) {
            return checkText(f, s);
        }
        return switch (f.type()) {
            case BOOLEAN -> switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1" -> Coerced.ok(Boolean.TRUE);
                case "false", "0" -> Coerced.ok(Boolean.FALSE);
                default -> Coerced.fail(notOfRequiredType(f, s));
            };
            case INT, DOUBLE, CURRENCY, PERCENT -> {
                BigDecimal d = decimal(s);
                if (d == null || (f.type() == FieldType.INT && !isIntegral(d))) {
                    yield Coerced.fail(notOfRequiredType(f, s));
                }
                yield checkNumber(f, d, s);
            }
            case DATE -> {
                LocalDate d = parseDate(s, true);
                yield d == null ? Coerced.fail(notOfRequiredType(f, s)) : Coerced.ok(d);
            }
            case DATETIME -> {
                Instant i = parseDateTime(s);
                yield i == null ? Coerced.fail(notOfRequiredType(f, s)) : Coerced.ok(i);
            }
            default -> Coerced.fail(notOfRequiredType(f, s));
        };
    }

    private static Coerced checkText(FieldDef f, String raw) {
        if (raw.isEmpty()) {
            // Salesforce stores empty text as null.
            return Coerced.ok(null);
        }
        String s = raw;
        if (f.length() > 0 && s.length() > f.length()) {
            return Coerced.fail(ApiError.of("STRING_TOO_LONG", f.label() + ": data value too large: " + s
                    + " (max length=" + f.length() + ")", List.of(f.name())));
        }
        switch (f.type()) {
            case PICKLIST -> {
                if (f.restrictedPicklist()) {
                    String canonical = canonicalPicklistValue(f, s);
                    if (canonical == null) {
                        return Coerced.fail(badPicklist(f, s));
                    }
                    s = canonical;
                }
            }
            case MULTIPICKLIST -> {
                List<String> parts = new ArrayList<>();
                for (String part : s.split(";")) {
                    String p = part.trim();
                    if (p.isEmpty()) {
                        continue;
                    }
                    if (f.restrictedPicklist()) {
                        String canonical = canonicalPicklistValue(f, p);
                        if (canonical == null) {
                            return Coerced.fail(badPicklist(f, p));
                        }
                        p = canonical;
                    }
                    parts.add(p);
                }
                s = parts.isEmpty() ? null : String.join(";", parts);
            }
            case EMAIL -> {
                if (!EMAIL.matcher(s).matches()) {
                    return Coerced.fail(ApiError.of("INVALID_EMAIL_ADDRESS", f.label() + ": invalid email address: " + s,
                            List.of(f.name())));
                }
            }
            default -> {
            }
        }
        return Coerced.ok(s);
    }

    private static String canonicalPicklistValue(FieldDef f, String s) {
        return f.picklistValues().stream().filter(v -> v.equalsIgnoreCase(s)).findFirst().orElse(null);
    }

    private static ApiError badPicklist(FieldDef f, String s) {
        return ApiError.of("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", f.label() + ": bad value for restricted picklist field: " + s,
                List.of(f.name()));
    }

    private static Coerced checkNumber(FieldDef f, BigDecimal d, String original) {
        int scale = f.type() == FieldType.INT ? 0 : Math.max(0, f.scale());
        BigDecimal rounded = d.setScale(scale, RoundingMode.HALF_UP);
        int integerDigits = Math.max(1, f.precision() - scale);
        BigDecimal limit = BigDecimal.TEN.pow(integerDigits);
        if (f.precision() > 0 && rounded.abs().compareTo(limit) >= 0) {
            return Coerced.fail(ApiError.of("NUMBER_OUTSIDE_VALID_RANGE",
                    f.label() + ": value outside of valid range on numeric field: " + original, List.of(f.name())));
        }
        if (f.type() == FieldType.INT) {
            return Coerced.ok(rounded.intValueExact());
        }
        return Coerced.ok(rounded.doubleValue());
    }

    private static BigDecimal decimal(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isIntegral(BigDecimal d) {
        return d.stripTrailingZeros().scale() <= 0;
    }

    private static ApiError notOfRequiredType(FieldDef f, String s) {
        return ApiError.of("INVALID_TYPE_ON_FIELD_IN_RECORD", f.label() + ": value not of required type: " + s, List.of(f.name()));
    }

    /** Salesforce's JSON deserializer wording, e.g. {@code Cannot deserialize instance of boolean from VALUE_STRING value x …}. */
    private static ApiError parserError(FieldDef f, JsonNode n) {
        String javaType = switch (f.type()) {
            case BOOLEAN -> "boolean";
            case INT -> "int";
            case DOUBLE, CURRENCY, PERCENT -> "double";
            case DATE -> "date";
            case DATETIME -> "datetime";
            default -> "string";
        };
        String token;
        if (n.isObject()) {
            token = "START_OBJECT";
        } else if (n.isArray()) {
            token = "START_ARRAY";
        } else if (n.isString()) {
            token = "VALUE_STRING";
        } else if (n.isBoolean()) {
            token = n.booleanValue() ? "VALUE_TRUE" : "VALUE_FALSE";
        } else if (n.isIntegralNumber()) {
            token = "VALUE_NUMBER_INT";
        } else {
            token = "VALUE_NUMBER_FLOAT";
        }
        String shown = n.isContainer() ? (n.isObject() ? "{" : "[") : n.asString();
        return ApiError.of("JSON_PARSER_ERROR", "Cannot deserialize instance of " + javaType + " from " + token + " value "
                + shown + " or request may be missing a required field", List.of());
    }
}
