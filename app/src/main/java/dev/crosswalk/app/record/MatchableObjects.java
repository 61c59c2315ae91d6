package dev.crosswalk.app.record;

import java.util.List;

/**
 * Which synced objects get match keys, and from which fields. Accounts by Website; Leads by
 * Website, else Email; Contacts by Email (their company name lives on the Account). The
 * company name is Account.Name and Lead.Company (Lead.Name is the person).
 */
final class MatchableObjects {
    static final List<String> OBJECTS = List.of("Account", "Lead", "Contact");

    private MatchableObjects() {
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
