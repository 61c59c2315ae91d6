package dev.crosswalk.app.push;

import java.util.List;

/** The package's object and fields push writes (salesforce-package/, issue 14), by API name. */
final class EcosystemOverlap {
    private EcosystemOverlap() {
    }

    static final String OBJECT = "Ecosystem_Overlap__c";
    static final String KEY = "Crosswalk_Key__c";
    static final String ACCOUNT = "Account__c";
    static final String LEAD = "Lead__c";
    static final String PARTNER_NAME = "Partner_Name__c";
    static final String PARTNER_ORGANIZATION_ID = "Partner_Organization_Id__c";
    static final String PARTNER_ACCOUNT = "Partner_Account__c";
    static final String POPULATION = "Population__c";
    static final String PARTNER_POPULATION = "Partner_Population__c";
    static final String MATCH_EVIDENCE = "Match_Evidence__c";
    static final String PARTNER_OWNER_NAME = "Partner_Owner_Name__c";
    static final String PARTNER_OWNER_EMAIL = "Partner_Owner_Email__c";
    static final String PARTNER_FIELDS = "Partner_Fields__c";
    static final String FIRST_OVERLAPPED = "First_Overlapped__c";
    static final String LAST_CONFIRMED = "Last_Confirmed__c";

    /** Every column of an overlap record, in upload order. */
    static final List<String> COLUMNS = List.of(KEY, ACCOUNT, LEAD, PARTNER_NAME, PARTNER_ORGANIZATION_ID, PARTNER_ACCOUNT,
            POPULATION, PARTNER_POPULATION, MATCH_EVIDENCE, PARTNER_OWNER_NAME, PARTNER_OWNER_EMAIL, PARTNER_FIELDS,
            FIRST_OVERLAPPED, LAST_CONFIRMED);

    static final String ACCOUNT_OBJECT = "Account";
    static final String PARTNER_COUNT = "Crosswalk_Partner_Count__c";
    static final String PARTNERS = "Crosswalk_Partners__c";
    static final List<String> ACCOUNT_COLUMNS = List.of("Id", PARTNER_COUNT, PARTNERS);

    /** Text (255) fields are cut to fit with an ellipsis rather than rejected: they are summaries. */
    static String text255(String s) {
        return s == null || s.length() <= 255 ? s : s.substring(0, 254) + "…";
    }
}
