package dev.crosswalk.salesforce;

import dev.crosswalk.salesforce.Requirement.Access;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Crosswalk package ({@code salesforce-package/}) puts in an org and what its
 * integration user must hold, as {@link PermissionPreflight} requirements: the package's
 * permission set assigned, its setup Visualforce page, API access, read on Account and Lead,
 * create/edit on {@value #OVERLAP_OBJECT} and its fields, edit on the two Account fields.
 */
public final class CrosswalkPackage {
    public static final String OVERLAP_OBJECT = "Ecosystem_Overlap__c";
    /** The External ID Crosswalk upserts by (unique, case-sensitive). */
    public static final String KEY_FIELD = "Crosswalk_Key__c";
    public static final List<String> OVERLAP_FIELDS = List.of(KEY_FIELD, "Account__c", "Lead__c", "Partner_Name__c",
            "Partner_Organization_Id__c", "Partner_Account__c", "Population__c", "Partner_Population__c", "Match_Evidence__c",
            "Partner_Owner_Name__c", "Partner_Owner_Email__c", "Partner_Fields__c", "First_Overlapped__c", "Last_Confirmed__c");
    /** Account-level roll-ups Crosswalk writes: partner count and partner names. */
    public static final List<String> ACCOUNT_FIELDS = List.of("Crosswalk_Partner_Count__c", "Crosswalk_Partners__c");
    public static final String PERMISSION_SET = "Crosswalk_Setup_User";
    public static final String SETUP_PAGE = "CrosswalkSetup";

    private CrosswalkPackage() {
    }

    /** Everything the integration user of the Custom Objects integration needs, most fundamental first. */
    public static List<Requirement> integrationUserRequirements() {
        List<Requirement> r = new ArrayList<>();
        r.add(Requirement.apiEnabled());
        r.add(Requirement.userActive());
        r.add(Requirement.permissionSet(PERMISSION_SET));
        r.add(Requirement.visualforcePage(SETUP_PAGE));
        r.add(Requirement.object("Account", Access.READ));
        r.add(Requirement.object("Lead", Access.READ));
        r.add(Requirement.customObject(OVERLAP_OBJECT));
        r.add(Requirement.object(OVERLAP_OBJECT, Access.READ, Access.CREATE, Access.EDIT));
        for (String f : OVERLAP_FIELDS) {
            r.add(Requirement.field(OVERLAP_OBJECT, f, Access.READ, Access.EDIT));
        }
        for (String f : ACCOUNT_FIELDS) {
            r.add(Requirement.field("Account", f, Access.READ, Access.EDIT));
        }
        return List.copyOf(r);
    }
}
