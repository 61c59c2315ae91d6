package dev.crosswalk.salesforce;

import java.util.List;

/** One field of an object describe; {@code createable}/{@code updateable} reflect the user's field-level security. */
public record FieldDescribe(String name, String label, String type, int length, boolean custom, boolean createable,
                            boolean updateable, boolean nillable, boolean externalId, boolean idLookup,
                            List<String> referenceTo, String relationshipName) {
}
