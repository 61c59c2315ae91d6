package dev.crosswalk.emulator.data;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardSchema;
import java.util.List;

/** Test schema shared by data and REST tests. */
public final class TestObjects {
    private TestObjects() {
    }

    /** A custom object with an external id, a unique field and typed fields, like an installed package's. */
    public static SObjectType thingType(Org org) {
        SObjectType t = StandardSchema.newType("Thing__c", "Thing", "Things", org.nextCustomKeyPrefix(),
                SObjectType.AccessModel.CRUD);
        t.addField(FieldDef.builder("Name", FieldType.STRING).length(80).required().nameField().build());
        t.addField(FieldDef.builder("Ext__c", FieldType.STRING).length(20).externalId().build());
        t.addField(FieldDef.builder("Code__c", FieldType.STRING).length(20).unique().externalId().build());
        t.addField(FieldDef.builder("Active__c", FieldType.BOOLEAN).build());
        t.addField(FieldDef.builder("Count__c", FieldType.INT).precision(4, 0).build());
        t.addField(FieldDef.builder("Amount__c", FieldType.CURRENCY).precision(10, 2).build());
        t.addField(FieldDef.builder("Due__c", FieldType.DATE).build());
        t.addField(FieldDef.builder("Seen__c", FieldType.DATETIME).build());
        t.addField(FieldDef.builder("Kind__c", FieldType.PICKLIST).picklist(List.of("Red", "Blue"), true).build());
        t.addField(FieldDef.builder("Email__c", FieldType.EMAIL).build());
        t.addField(FieldDef.builder("Account__c", FieldType.REFERENCE).reference("Account__r", "Account").build());
        t.addField(FieldDef.builder("OwnerId", FieldType.REFERENCE).defaultedOnCreate().notPermissionable()
                .reference("Owner", "User").build());
        return StandardSchema.withAudit(t);
    }

}
