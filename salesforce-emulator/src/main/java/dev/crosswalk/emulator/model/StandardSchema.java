package dev.crosswalk.emulator.model;

import static dev.crosswalk.emulator.model.FieldType.*;

import dev.crosswalk.emulator.model.SObjectType.AccessModel;
import java.util.List;

/**
 * The objects every emulated org starts with. The CRM objects and User come from data
 * ({@link StandardObjects}, {@code standard-objects.json}); the setup objects the permission model
 * runs on are built here. Custom objects and fields come later from SFDX metadata.
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

    public static void install(Org org) {
        org.addType(StandardObjects.build("User"));
        org.addType(withAudit(organization()));
        org.addType(withAudit(profile()));
        org.addType(withAudit(permissionSet()));
        org.addType(withAudit(permissionSetAssignment()));
        org.addType(withAudit(objectPermissions()));
        org.addType(withAudit(fieldPermissions()));
        org.addType(withAudit(setupEntityAccess()));
        org.addType(withAudit(apexPage()));
        installPackagingTypes(org);
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

    private static SObjectType organization() {
        SObjectType t = newType("Organization", "Organization", "Organizations", "00D", AccessModel.ALWAYS_READABLE);
        t.addField(FieldDef.builder("Name", STRING).length(80).required().nameField().build());
        t.addField(FieldDef.builder("OrganizationType", PICKLIST).label("Edition").readOnly().build());
        t.addField(FieldDef.builder("InstanceName", STRING).length(5).readOnly().build());
        t.addField(FieldDef.builder("IsSandbox", BOOLEAN).readOnly().build());
        // Null: not a trial or scratch org. The sf CLI reads it to decide whether to track source.
        t.addField(FieldDef.builder("TrialExpirationDate", DATETIME).label("Trial Expiration Date").readOnly().build());
        t.addField(FieldDef.builder("NamespacePrefix", STRING).length(15).readOnly().build());
        t.addField(FieldDef.builder("Country", STRING).length(80).build());
        t.addField(FieldDef.builder("TimeZoneSidKey", PICKLIST).label("Default Time Zone").build());
        return t;
    }

    private static void systemPermissions(SObjectType t) {
        for (String p : SYSTEM_PERMISSIONS) {
            t.addField(FieldDef.builder(p, BOOLEAN).build());
        }
    }

    private static SObjectType profile() {
        SObjectType t = newType("Profile", "Profile", "Profiles", "00e", AccessModel.SETUP);
        t.addField(FieldDef.builder("Name", STRING).required().nameField().build());
        t.addField(FieldDef.builder("UserType", PICKLIST).readOnly().build());
        t.addField(FieldDef.builder("Description", STRING).build());
        systemPermissions(t);
        return t;
    }

    private static SObjectType permissionSet() {
        SObjectType t = newType("PermissionSet", "Permission Set", "Permission Sets", "0PS", AccessModel.SETUP);
        t.addField(FieldDef.builder("Name", STRING).length(80).required().build());
        t.addField(FieldDef.builder("Label", STRING).length(80).required().nameField().build());
        t.addField(FieldDef.builder("NamespacePrefix", STRING).length(15).readOnly().build());
        t.addField(FieldDef.builder("Description", STRING).build());
        t.addField(FieldDef.builder("IsOwnedByProfile", BOOLEAN).readOnly().build());
        t.addField(FieldDef.builder("IsCustom", BOOLEAN).readOnly().build());
        t.addField(FieldDef.builder("ProfileId", REFERENCE).label("Profile ID").readOnly().reference("Profile", "Profile").build());
        t.addField(FieldDef.builder("Type", PICKLIST).readOnly().build());
        systemPermissions(t);
        return t;
    }

    private static SObjectType permissionSetAssignment() {
        SObjectType t = newType("PermissionSetAssignment", "Permission Set Assignment", "Permission Set Assignments", "0Pa", AccessModel.SETUP);
        t.addField(FieldDef.builder("AssigneeId", REFERENCE).label("Assignee ID").required().reference("Assignee", "User").build());
        t.addField(FieldDef.builder("PermissionSetId", REFERENCE).label("Permission Set ID").required()
                .reference("PermissionSet", "PermissionSet").build());
        t.addField(FieldDef.builder("PermissionSetGroupId", REFERENCE).reference("PermissionSetGroup", "PermissionSetGroup").build());
        t.addField(FieldDef.builder("IsActive", BOOLEAN).readOnly().build());
        t.addField(FieldDef.builder("ExpirationDate", DATE).build());
        return t;
    }

    private static SObjectType objectPermissions() {
        SObjectType t = newType("ObjectPermissions", "Object Permissions", "Object Permissions", "110", AccessModel.SETUP);
        t.addField(FieldDef.builder("ParentId", REFERENCE).label("Parent ID").required().reference("Parent", "PermissionSet").build());
        t.addField(FieldDef.builder("SobjectType", PICKLIST).required().build());
        for (String p : List.of("PermissionsRead", "PermissionsCreate", "PermissionsEdit", "PermissionsDelete",
                "PermissionsViewAllRecords", "PermissionsModifyAllRecords", "PermissionsViewAllFields")) {
            t.addField(FieldDef.builder(p, BOOLEAN).build());
        }
        return t;
    }

    private static SObjectType fieldPermissions() {
        SObjectType t = newType("FieldPermissions", "Field Permissions", "Field Permissions", "01k", AccessModel.SETUP);
        t.addField(FieldDef.builder("ParentId", REFERENCE).label("Parent ID").required().reference("Parent", "PermissionSet").build());
        t.addField(FieldDef.builder("SobjectType", PICKLIST).required().build());
        t.addField(FieldDef.builder("Field", PICKLIST).required().build());
        t.addField(FieldDef.builder("PermissionsRead", BOOLEAN).build());
        t.addField(FieldDef.builder("PermissionsEdit", BOOLEAN).build());
        return t;
    }

    private static SObjectType setupEntityAccess() {
        SObjectType t = newType("SetupEntityAccess", "Setup Entity Access", "Setup Entity Access", "0J0", AccessModel.SETUP);
        t.addField(FieldDef.builder("ParentId", REFERENCE).label("Parent ID").required().reference("Parent", "PermissionSet").build());
        t.addField(FieldDef.builder("SetupEntityId", REFERENCE).required().reference("SetupEntity", "ApexPage", "ApexClass",
                "ExternalCredentialParameter", "TabDefinition", "AppDefinition").build());
        t.addField(FieldDef.builder("SetupEntityType", PICKLIST).readOnly().build());
        return t;
    }

    private static SObjectType apexPage() {
        SObjectType t = newType("ApexPage", "Visualforce Page", "Visualforce Pages", "066", AccessModel.SETUP);
        t.addField(FieldDef.builder("Name", STRING).length(80).required().build());
        t.addField(FieldDef.builder("MasterLabel", STRING).label("Label").length(80).required().nameField().build());
        t.addField(FieldDef.builder("NamespacePrefix", STRING).length(15).readOnly().build());
        t.addField(FieldDef.builder("ApiVersion", DOUBLE).precision(3, 1).build());
        t.addField(FieldDef.builder("Description", STRING).build());
        t.addField(FieldDef.builder("Markup", TEXTAREA).length(1000000).build());
        return t;
    }

    /**
     * The setup objects metadata deploys fill (Apex classes, tabs, apps, credentials). Added to an
     * org that lacks them, so state saved by an older emulator can still take a package.
     */
    public static void installPackagingTypes(Org org) {
        if (org.type("ApexClass").isEmpty()) {
            SObjectType t = newType("ApexClass", "Apex Class", "Apex Classes", "01p", AccessModel.SETUP);
            t.addField(FieldDef.builder("Name", STRING).length(255).required().nameField().build());
            t.addField(FieldDef.builder("NamespacePrefix", STRING).length(15).readOnly().build());
            t.addField(FieldDef.builder("ApiVersion", DOUBLE).precision(3, 1).build());
            t.addField(FieldDef.builder("Status", PICKLIST).build());
            t.addField(FieldDef.builder("Body", TEXTAREA).length(1000000).build());
            org.addType(withAudit(t));
        }
        if (org.type("TabDefinition").isEmpty()) {
            SObjectType t = newType("TabDefinition", "Tab Definition", "Tab Definitions", "01r", AccessModel.SETUP);
            t.addField(FieldDef.builder("Name", STRING).length(255).required().build());
            t.addField(FieldDef.builder("Label", STRING).length(255).nameField().build());
            t.addField(FieldDef.builder("SobjectName", STRING).length(255).build());
            t.addField(FieldDef.builder("Url", STRING).length(255).build());
            t.addField(FieldDef.builder("IsCustom", BOOLEAN).readOnly().build());
            org.addType(withAudit(t));
        }
        if (org.type("AppDefinition").isEmpty()) {
            SObjectType t = newType("AppDefinition", "App Definition", "App Definitions", "02u", AccessModel.SETUP);
            t.addField(FieldDef.builder("DeveloperName", STRING).length(80).required().build());
            t.addField(FieldDef.builder("Label", STRING).length(80).nameField().build());
            t.addField(FieldDef.builder("Description", STRING).build());
            org.addType(withAudit(t));
        }
        if (org.type("AuthProvider").isEmpty()) {
            SObjectType t = newType("AuthProvider", "Auth. Provider", "Auth. Providers", "0SO", AccessModel.SETUP);
            t.addField(FieldDef.builder("DeveloperName", STRING).length(80).required().build());
            t.addField(FieldDef.builder("FriendlyName", STRING).length(80).required().nameField().build());
            t.addField(FieldDef.builder("ProviderType", PICKLIST).build());
            t.addField(FieldDef.builder("AuthorizeUrl", URL).length(1024).build());
            t.addField(FieldDef.builder("TokenUrl", URL).length(1024).build());
            t.addField(FieldDef.builder("ConsumerKey", STRING).length(256).build());
            // The consumer secret is not a field: Salesforce never returns it (see outbound.OutboundCredentials).
            t.addField(FieldDef.builder("DefaultScopes", STRING).length(1024).build());
            t.addField(FieldDef.builder("IsPkceEnabled", BOOLEAN).build());
            t.addField(FieldDef.builder("SendClientCredentialsInHeader", BOOLEAN).build());
            org.addType(withAudit(t));
        }
        if (org.type("ExternalCredential").isEmpty()) {
            SObjectType t = newType("ExternalCredential", "External Credential", "External Credentials", "0pt", AccessModel.SETUP);
            t.addField(FieldDef.builder("DeveloperName", STRING).length(80).required().build());
            t.addField(FieldDef.builder("MasterLabel", STRING).label("Label").length(80).nameField().build());
            t.addField(FieldDef.builder("AuthenticationProtocol", PICKLIST).build());
            t.addField(FieldDef.builder("AuthProviderId", REFERENCE).reference("AuthProvider", "AuthProvider").build());
            org.addType(withAudit(t));
        }
        if (org.type("ExternalCredentialParameter").isEmpty()) {
            SObjectType t = newType("ExternalCredentialParameter", "External Credential Parameter",
                    "External Credential Parameters", "0pu", AccessModel.SETUP);
            t.addField(FieldDef.builder("ExternalCredentialId", REFERENCE).required()
                    .reference("ExternalCredential", "ExternalCredential").build());
            t.addField(FieldDef.builder("ParameterName", STRING).length(255).required().nameField().build());
            t.addField(FieldDef.builder("ParameterType", PICKLIST).build());
            t.addField(FieldDef.builder("ParameterGroup", STRING).length(255).build());
            org.addType(withAudit(t));
        }
        if (org.type("NamedCredential").isEmpty()) {
            SObjectType t = newType("NamedCredential", "Named Credential", "Named Credentials", "0XA", AccessModel.SETUP);
            t.addField(FieldDef.builder("DeveloperName", STRING).length(80).required().build());
            t.addField(FieldDef.builder("MasterLabel", STRING).label("Label").length(80).nameField().build());
            t.addField(FieldDef.builder("Endpoint", URL).length(1024).build());
            t.addField(FieldDef.builder("ExternalCredentialId", REFERENCE).reference("ExternalCredential", "ExternalCredential").build());
            org.addType(withAudit(t));
        }
    }
}
