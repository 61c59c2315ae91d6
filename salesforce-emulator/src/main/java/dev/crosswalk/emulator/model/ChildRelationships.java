package dev.crosswalk.emulator.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Child relationship names ({@code Account.Contacts}): the names describe lists under
 * {@code childRelationships} and parent-to-child SOQL subqueries select from. One table, so the two
 * can never disagree.
 */
public final class ChildRelationships {
    /** {@code Child.LookupField} → relationship name, as in Salesforce's standard schema. */
    private static final Map<String, String> STANDARD = Map.ofEntries(
            Map.entry("Contact.AccountId", "Contacts"),
            Map.entry("Opportunity.AccountId", "Opportunities"),
            Map.entry("Account.ParentId", "ChildAccounts"),
            Map.entry("Case.AccountId", "Cases"),
            Map.entry("Case.ContactId", "Cases"),
            Map.entry("Task.WhatId", "Tasks"),
            Map.entry("Task.WhoId", "Tasks"),
            Map.entry("Event.WhatId", "Events"),
            Map.entry("Event.WhoId", "Events"),
            Map.entry("CampaignMember.CampaignId", "CampaignMembers"),
            Map.entry("CampaignMember.LeadId", "CampaignMembers"),
            Map.entry("CampaignMember.ContactId", "CampaignMembers"),
            Map.entry("Opportunity.CampaignId", "Opportunities"),
            Map.entry("Contact.ReportsToId", "ReportsToContacts"),
            Map.entry("User.ProfileId", "Users"),
            Map.entry("PermissionSetAssignment.AssigneeId", "PermissionSetAssignments"),
            Map.entry("PermissionSetAssignment.PermissionSetId", "Assignments"),
            Map.entry("ObjectPermissions.ParentId", "ObjectPerms"),
            Map.entry("FieldPermissions.ParentId", "FieldPerms"),
            Map.entry("SetupEntityAccess.ParentId", "SetupEntityAccessItems"));

    /** A lookup of {@code child} that a child relationship of some parent is made of. */
    public record Relationship(String name, SObjectType child, FieldDef lookup) {
    }

    private ChildRelationships() {
    }

    /**
     * Standard lookups use the names of the standard schema (audit and owner lookups have none);
     * custom lookups get the child's plural label as {@code Label_Plural__r}, the default Setup
     * proposes; {@code null} when the lookup has no child relationship.
     */
    public static String name(SObjectType child, FieldDef lookup) {
        String known = STANDARD.get(child.name() + "." + lookup.name());
        if (known != null) {
            return known;
        }
        if (lookup.childRelationshipName() != null) {
            return lookup.childRelationshipName();
        }
        if (lookup.custom()) {
            return child.labelPlural().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "") + "__r";
        }
        return null;
    }

    /** The child relationship of {@code parent} called {@code name} (case-insensitive), if any. */
    public static Optional<Relationship> find(Org org, SObjectType parent, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (SObjectType child : org.types()) {
            for (FieldDef f : child.fields()) {
                if (!f.isReference() || !f.referenceTo().contains(parent.name())) {
                    continue;
                }
                String n = name(child, f);
                if (n != null && n.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return Optional.of(new Relationship(n, child, f));
                }
            }
        }
        return Optional.empty();
    }
}
