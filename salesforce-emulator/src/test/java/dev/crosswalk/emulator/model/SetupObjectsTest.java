package dev.crosswalk.emulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The setup objects come from standard-objects.json's setupObjects, like the standard objects. */
class SetupObjectsTest {

    private static Org newOrg() {
        Org org = new Org("00DRx0000000001AAA", "Test", Clock.systemUTC(), 15000);
        StandardSchema.install(org);
        return org;
    }

    @Test
    void aNewOrgHasEverySetupObjectWithIdFirstItsFieldsThenTheAuditFields() {
        Org org = newOrg();
        for (String name : StandardObjects.setupNames(false)) {
            List<FieldDef> fields = org.type(name).orElseThrow().fields();
            assertThat(fields.get(0).name()).as(name).isEqualTo("Id");
            assertThat(fields.get(fields.size() - 1).name()).as(name).isEqualTo("SystemModstamp");
        }
        assertThat(org.type("PermissionSetAssignment").orElseThrow().require("AssigneeId").referenceTo())
                .containsExactly("User");
        assertThat(org.type("ApexPage").orElseThrow().keyPrefix()).isEqualTo("066");
    }

    @Test
    void profilesAndPermissionSetsGetABooleanPerSystemPermissionAfterTheirOwnFields() {
        SObjectType ps = newOrg().type("PermissionSet").orElseThrow();
        List<String> names = new ArrayList<>(ps.fields().stream().map(FieldDef::name).toList());
        int type = names.indexOf("Type");
        assertThat(names.subList(type + 1, type + 1 + StandardSchema.SYSTEM_PERMISSIONS.size()))
                .containsExactlyElementsOf(StandardSchema.SYSTEM_PERMISSIONS);
        assertThat(ps.require("PermissionsApiEnabled").type()).isEqualTo(FieldType.BOOLEAN);
        assertThat(ps.require("Label").required()).isTrue();
        assertThat(ps.require("IsCustom").updateable()).isFalse();
    }

    @Test
    void packagingTypesAreAddedToAnOrgRestoredWithoutThem() {
        Org org = new Org("00DRx0000000002AAA", "Old", Clock.systemUTC(), 15000);
        org.addType(StandardObjects.build("User"));
        StandardSchema.installPackagingTypes(org);
        assertThat(StandardObjects.setupNames(true)).containsExactly("ApexClass", "TabDefinition", "AppDefinition",
                "AuthProvider", "ExternalCredential", "ExternalCredentialParameter", "NamedCredential");
        StandardObjects.setupNames(true).forEach(n -> assertThat(org.type(n)).as(n).isPresent());
        assertThat(org.type("PermissionSet")).isEmpty();
    }
}
