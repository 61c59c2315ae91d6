package dev.crosswalk.emulator.model;

import static dev.crosswalk.emulator.model.FieldType.*;

import dev.crosswalk.emulator.model.SObjectType.AccessModel;
import java.util.List;

/**
 * The objects every emulated org starts with, all from data ({@link StandardObjects},
 * {@code standard-objects.json}): User, the setup objects the permission model runs on, the CRM
 * objects. Custom objects and fields come later from SFDX metadata.
 */
public final class StandardSchema {

    /** System permissions exposed as {@code Permissions<Name>} booleans on Profile and PermissionSet. */
    public static final List<String> SYSTEM_PERMISSIONS = List.of(
            "PermissionsApiEnabled", "PermissionsViewSetup", "PermissionsViewAllData", "PermissionsModifyAllData",
            "PermissionsViewAllUsers", "PermissionsManageUsers", "PermissionsCustomizeApplication",
            "PermissionsAuthorApex", "PermissionsBulkApiHardDelete", "PermissionsAssignPermissionSets");

    public static final List<String> ACCOUNT_TYPES = List.of("Prospect", "Customer", "Customer - Direct",
            "Customer - Channel", "Partner", "Channel Partner / Reseller", "Installation Partner", "Technology Partner", "Other");
    public static final List<String> INDUSTRIES = List.of("Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals",
            "Communications", "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering",
            "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government", "Healthcare", "Hospitality",
            "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit", "Recreation", "Retail", "Shipping",
            "Technology", "Telecommunications", "Transportation", "Utilities", "Other");
    public static final List<String> LEAD_STATUSES = List.of("Open - Not Contacted", "Working - Contacted",
            "Closed - Converted", "Closed - Not Converted");
    public static final List<String> LEAD_SOURCES = List.of("Web", "Phone Inquiry", "Partner Referral",
            "Purchased List", "Other");
    public static final List<String> STAGES = List.of("Prospecting", "Qualification", "Needs Analysis",
            "Value Proposition", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote",
            "Negotiation/Review", "Closed Won", "Closed Lost");

    private StandardSchema() {
    }

    /**
     * Every object of a new org: User, the setup objects, then the standard objects, all built from
     * {@code standard-objects.json} ({@link StandardObjects}).
     */
    public static void install(Org org) {
        org.addType(StandardObjects.build("User"));
        for (String name : StandardObjects.setupNames(false)) {
            org.addType(StandardObjects.build(name));
        }
        for (String name : StandardObjects.names()) {
            if (!name.equals("User")) {
                org.addType(StandardObjects.build(name));
            }
        }
    }

    /** Id first, then the type's own fields, then the audit fields every object has. */
    public static SObjectType newType(String name, String label, String plural, String prefix, AccessModel model) {
        SObjectType t = new SObjectType(name, label, plural, prefix, model);
        t.addField(FieldDef.builder("Id", ID).label(label + " ID").system().build());
        return t;
    }

    public static SObjectType withAudit(SObjectType t) {
        t.addField(FieldDef.builder("IsDeleted", BOOLEAN).label("Deleted").system().build());
        t.addField(FieldDef.builder("CreatedDate", DATETIME).system().build());
        t.addField(FieldDef.builder("CreatedById", REFERENCE).label("Created By ID").system().reference("CreatedBy", "User").build());
        t.addField(FieldDef.builder("LastModifiedDate", DATETIME).system().build());
        t.addField(FieldDef.builder("LastModifiedById", REFERENCE).label("Last Modified By ID").system().reference("LastModifiedBy", "User").build());
        t.addField(FieldDef.builder("SystemModstamp", DATETIME).label("System Modstamp").system().build());
        return t;
    }

    /**
     * The setup objects metadata deploys fill (Apex classes, tabs, apps, credentials; {@code packaging} in
     * {@code standard-objects.json}). Added to an org that lacks them, so state saved by an older emulator
     * can still take a package.
     */
    public static void installPackagingTypes(Org org) {
        for (String name : StandardObjects.setupNames(true)) {
            if (org.type(name).isEmpty()) {
                org.addType(StandardObjects.build(name));
            }
        }
    }
}
