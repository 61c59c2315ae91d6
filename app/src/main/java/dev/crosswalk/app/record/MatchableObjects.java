package dev.crosswalk.app.record;

import java.util.List;

/**
 * Which synced objects take part in matching: the one place the lists are written (SQL binds
 * them as an array parameter, {@code object = any(:objects)}).
 *
 * <p>Keys come from: Accounts by Website; Leads by Website, else Email; Contacts by Email (their
 * company name lives on the Account). The company name is Account.Name and Lead.Company
 * (Lead.Name is the person).
 */
public final class MatchableObjects {
    /** Objects whose records can overlap with a partner's and form populations. */
    public static final List<String> MATCHED = List.of("Account", "Lead");
    /** Objects that get match keys ({@link #MATCHED} and Contacts, keyed for explain-match but not paired). */
    public static final List<String> KEYED = List.of("Account", "Lead", "Contact");

    private MatchableObjects() {
    }

    /** For binding as a SQL array parameter. */
    public static String[] matchedArray() {
        return MATCHED.toArray(String[]::new);
    }

    static String[] keyedArray() {
        return KEYED.toArray(String[]::new);
    }

    static RecordKeys keys(MatchKeys keys, String object, boolean deleted, String website, String email, String name,
            String company) {
        if (deleted) {
            return new RecordKeys(KeyResult.none(KeyReason.DELETED), KeyResult.none(KeyReason.DELETED));
        }
        return switch (object) {
            case "Account" -> new RecordKeys(keys.website(website), keys.name(name));
            case "Lead" -> keys.keys(website, email, company);
            case "Contact" -> new RecordKeys(keys.email(email), KeyResult.none(KeyReason.NOT_APPLICABLE));
            default -> throw new IllegalArgumentException("no match keys for " + object);
        };
    }
}
