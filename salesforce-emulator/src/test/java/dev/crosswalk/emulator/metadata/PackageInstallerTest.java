package dev.crosswalk.emulator.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.EffectiveAccess;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageInstallerTest {
    private final EmulatorState state = new EmulatorState(EmulatorOptions.builder().build());
    private final Org org = state.createOrg("Acme");

    private String user(String username) {
        return state.createUser(org, new NewUser(username, "Int", "User", username, EmulatorState.PROFILE_MINIMUM), "pw");
    }

    @Nested
    class Installing_the_crosswalk_package {
        private final PackageInstaller.InstallReport report = PackageInstaller.install(org, CrosswalkPackage.path());
        private final SObjectType overlap = org.type("ecosystem_overlap__c").orElseThrow();

        @Test
        void creates_the_overlap_object_with_every_field_and_a_custom_key_prefix() {
            assertThat(report.objects()).containsExactly("Ecosystem_Overlap__c");
            assertThat(overlap.label()).isEqualTo("Crosswalk Ecosystem Overlap");
            assertThat(overlap.keyPrefix()).startsWith("a");
            assertThat(overlap.fields()).extracting(FieldDef::name).contains("Id", "Name", "OwnerId", "Crosswalk_Key__c",
                    "Account__c", "Lead__c", "Partner_Name__c", "Partner_Organization_Id__c", "Partner_Account__c",
                    "Population__c", "Partner_Population__c", "Match_Evidence__c", "Partner_Owner_Name__c",
                    "Partner_Owner_Email__c", "Partner_Fields__c", "First_Overlapped__c", "Last_Confirmed__c",
                    "IsDeleted", "SystemModstamp");
            FieldDef key = overlap.require("Crosswalk_Key__c");
            assertThat(key.externalId()).isTrue();
            assertThat(key.unique()).isTrue();
            assertThat(key.caseSensitive()).isTrue();
            assertThat(key.length()).isEqualTo(255);
            for (String lookup : List.of("Account__c", "Partner_Account__c")) {
                assertThat(overlap.require(lookup).type()).isEqualTo(FieldType.REFERENCE);
                assertThat(overlap.require(lookup).referenceTo()).containsExactly("Account");
            }
            assertThat(overlap.require("Lead__c").referenceTo()).containsExactly("Lead");
            assertThat(overlap.require("Account__c").relationshipName()).isEqualTo("Account__r");
            assertThat(overlap.require("Match_Evidence__c").picklistValues()).containsExactly("Domain", "Name");
            assertThat(overlap.require("Match_Evidence__c").restrictedPicklist()).isTrue();
            assertThat(overlap.require("Partner_Owner_Email__c").type()).isEqualTo(FieldType.EMAIL);
            assertThat(overlap.require("Partner_Fields__c").length()).isEqualTo(32768);
            assertThat(overlap.require("Last_Confirmed__c").type()).isEqualTo(FieldType.DATETIME);
        }

        @Test
        void adds_the_two_crosswalk_fields_to_account() {
            SObjectType account = org.type("Account").orElseThrow();
            assertThat(account.require("Crosswalk_Partner_Count__c").type()).isEqualTo(FieldType.DOUBLE);
            assertThat(account.require("Crosswalk_Partners__c").length()).isEqualTo(255);
        }

        @Test
        void fills_auto_number_names_on_create() {
            Record first = org.write(() -> RecordLifecycle.create(org, overlap, null));
            Record second = org.write(() -> RecordLifecycle.create(org, overlap, null));
            assertThat(first.get(overlap.require("Name"))).isEqualTo("OVL-000001");
            assertThat(second.get(overlap.require("Name"))).isEqualTo("OVL-000002");
        }

        @Test
        void installs_pages_classes_tabs_apps_and_credentials_as_setup_records() {
            assertThat(report.pages()).containsExactly("CrosswalkSetup");
            assertThat(report.classes()).contains("CrosswalkSetupController", "CrosswalkOverlapsController");
            assertThat(report.otherComponents()).contains("CustomTab CrosswalkSetup", "CustomApplication Crosswalk_Setup",
                    "LightningComponentBundle crosswalkOverlaps", "AuthProvider Crosswalk", "ExternalCredential Crosswalk",
                    "NamedCredential Crosswalk");
            assertThat(report.skipped()).isEmpty();
            Record nc = PackageInstaller.find(org, "NamedCredential", "DeveloperName", "Crosswalk").orElseThrow();
            assertThat(nc.get(org.type("NamedCredential").orElseThrow().require("Endpoint"))).isEqualTo("https://crosswalk.example.com");
            assertThat(PackageInstaller.principal(org, "Crosswalk", "Crosswalk_Org")).isPresent();
            assertThat(AuthProviderSecrets.of(org).get("Crosswalk")).as("the placeholder secret is not a secret").isEmpty();
        }

        @Test
        void the_setup_user_permission_set_governs_access_only_once_assigned() {
            String user = user("int@acme.example");
            assertThat(state.permissions().access(org, user).canRead(overlap)).isFalse();

            PermissionAdmin.assign(org, user, PermissionAdmin.permissionSetId(org, "Crosswalk_Setup_User").orElseThrow());

            EffectiveAccess access = state.permissions().access(org, user);
            SObjectType account = org.type("Account").orElseThrow();
            assertThat(access.apiEnabled()).isTrue();
            assertThat(access.object(overlap).create()).isTrue();
            assertThat(access.object(overlap).delete()).isTrue();
            assertThat(access.canEditField(overlap, overlap.require("Crosswalk_Key__c"))).isTrue();
            assertThat(access.canEditField(overlap, overlap.require("Partner_Fields__c"))).isTrue();
            assertThat(access.canRead(account)).isTrue();
            // Object edit on Account is what lets field-level edit on the two Crosswalk fields take effect;
            // the other Account fields stay read-only because no field permission makes them editable.
            assertThat(access.canEditField(account, account.require("Crosswalk_Partners__c"))).isTrue();
            assertThat(access.canEditField(account, account.require("Crosswalk_Partner_Count__c"))).isTrue();
            assertThat(access.canEditField(account, account.require("Industry"))).isFalse();
            assertThat(access.canRead(org.type("Lead").orElseThrow())).isTrue();
            assertThat(access.hasSetupEntityAccess(PackageInstaller.find(org, "ApexPage", "Name", "CrosswalkSetup").orElseThrow().id())).isTrue();
            assertThat(access.hasSetupEntityAccess(PackageInstaller.principal(org, "Crosswalk", "Crosswalk_Org").orElseThrow().id())).isTrue();
        }

        @Test
        void the_viewer_reads_but_never_writes() {
            String rep = user("rep@acme.example");
            PermissionAdmin.assign(org, rep, PermissionAdmin.permissionSetId(org, "Crosswalk_Viewer").orElseThrow());
            EffectiveAccess access = state.permissions().access(org, rep);
            assertThat(access.canRead(overlap)).isTrue();
            assertThat(access.object(overlap).create()).isFalse();
            assertThat(access.canReadField(overlap, overlap.require("Partner_Name__c"))).isTrue();
            assertThat(access.canEditField(overlap, overlap.require("Partner_Name__c"))).isFalse();
            assertThat(access.hasSetupEntityAccess(PackageInstaller.find(org, "ApexPage", "Name", "CrosswalkSetup").orElseThrow().id())).isFalse();
        }

        @Test
        void installing_again_upgrades_in_place_and_keeps_the_principal() {
            String principalId = PackageInstaller.principal(org, "Crosswalk", "Crosswalk_Org").orElseThrow().id();
            PackageInstaller.InstallReport again = PackageInstaller.install(org, CrosswalkPackage.path());
            assertThat(again.objects()).isEmpty();
            assertThat(org.types().stream().filter(t -> t.name().equals("Ecosystem_Overlap__c"))).hasSize(1);
            assertThat(org.store("ApexPage").all()).hasSize(1);
            assertThat(org.store("NamedCredential").all()).hasSize(1);
            assertThat(PackageInstaller.principal(org, "Crosswalk", "Crosswalk_Org").orElseThrow().id()).isEqualTo(principalId);
        }
    }

    @Nested
    class Refusing_broken_metadata {
        @TempDir
        Path dir;

        private Path file(String relative) {
            return dir.resolve("force-app/main/default/" + relative);
        }

        private void edit(String relative, String from, String to) throws IOException {
            Path f = file(relative);
            String before = Files.readString(f);
            assertThat(before).contains(from);
            Files.writeString(f, before.replace(from, to));
        }

        private MetadataException refused() {
            try {
                PackageInstaller.install(org, dir);
            } catch (MetadataException e) {
                assertThat(org.type("Ecosystem_Overlap__c")).as("nothing is installed").isEmpty();
                assertThat(PermissionAdmin.permissionSetId(org, "Crosswalk_Setup_User")).isEmpty();
                return e;
            }
            throw new AssertionError("the package was installed");
        }

        @Test
        void a_text_field_without_length_names_the_file_line_and_element() throws IOException {
            CrosswalkPackage.copyTo(dir);
            edit("objects/Ecosystem_Overlap__c/fields/Partner_Name__c.field-meta.xml", "<length>255</length>", "");
            MetadataException e = refused();
            assertThat(e.file()).isEqualTo("force-app/main/default/objects/Ecosystem_Overlap__c/fields/Partner_Name__c.field-meta.xml");
            assertThat(e.origin().componentType()).isEqualTo("CustomField");
            assertThat(e.origin().fullName()).isEqualTo("Ecosystem_Overlap__c.Partner_Name__c");
            assertThat(e.problem()).contains("Length must be between 1 and 255");
            assertThat(e.line()).isEqualTo(2);
        }

        @Test
        void a_field_of_an_unknown_type_is_refused() throws IOException {
            CrosswalkPackage.copyTo(dir);
            edit("objects/Ecosystem_Overlap__c/fields/Population__c.field-meta.xml", "<type>Text</type>", "<type>Textish</type>");
            MetadataException e = refused();
            assertThat(e.problem()).isEqualTo("Error parsing file: 'Textish' is not a valid value for the enum 'FieldType'");
            assertThat(e.line()).isEqualTo(7);
        }

        @Test
        void broken_xml_is_refused_at_its_line() throws IOException {
            CrosswalkPackage.copyTo(dir);
            Files.writeString(file("objects/Ecosystem_Overlap__c/Ecosystem_Overlap__c.object-meta.xml"),
                    "<?xml version=\"1.0\"?>\n<CustomObject>\n<label>\n</CustomObject>");
            MetadataException e = refused();
            assertThat(e.file()).endsWith("Ecosystem_Overlap__c.object-meta.xml");
            assertThat(e.problem()).startsWith("Error parsing file:");
            assertThat(e.line()).isEqualTo(4);
        }

        @Test
        void a_permission_on_a_missing_field_refuses_the_whole_package() throws IOException {
            CrosswalkPackage.copyTo(dir);
            edit("permissionsets/Crosswalk_Setup_User.permissionset-meta.xml", "Ecosystem_Overlap__c.Partner_Name__c",
                    "Ecosystem_Overlap__c.Nope__c");
            MetadataException e = refused();
            assertThat(e.file()).endsWith("Crosswalk_Setup_User.permissionset-meta.xml");
            assertThat(e.problem()).isEqualTo("In field: field - no CustomField named Ecosystem_Overlap__c.Nope__c found");
            assertThat(e.line()).isGreaterThan(20);
        }

        @Test
        void field_permissions_on_a_required_field_are_refused() throws IOException {
            CrosswalkPackage.copyTo(dir);
            edit("objects/Ecosystem_Overlap__c/fields/Crosswalk_Key__c.field-meta.xml", "<required>false</required>",
                    "<required>true</required>");
            assertThat(refused().problem()).contains("required field");
        }

        @Test
        void object_permission_dependencies_are_checked() throws IOException {
            CrosswalkPackage.copyTo(dir);
            edit("permissionsets/Crosswalk_Viewer.permissionset-meta.xml", "<allowRead>true</allowRead>",
                    "<allowRead>false</allowRead><viewAllRecords>true</viewAllRecords>");
            assertThat(refused().problem()).contains("depend on permission(s): Read");
        }

        @Test
        void a_lookup_to_an_unknown_object_is_refused() throws IOException {
            CrosswalkPackage.copyTo(dir);
            edit("objects/Ecosystem_Overlap__c/fields/Account__c.field-meta.xml", "<referenceTo>Account</referenceTo>",
                    "<referenceTo>Nothing__c</referenceTo>");
            MetadataException e = refused();
            assertThat(e.problem()).isEqualTo("Field Account__c: referenceTo value of 'Nothing__c' does not resolve to a valid sObject type");
            assertThat(e.element()).isEqualTo("referenceTo");
        }

        @Test
        void a_permission_set_naming_a_missing_principal_is_refused() throws IOException {
            CrosswalkPackage.copyTo(dir);
            edit("permissionsets/Crosswalk_Viewer.permissionset-meta.xml", "Crosswalk-Crosswalk_Org", "Crosswalk-Somebody");
            assertThat(refused().problem()).contains("no ExternalCredentialParameter named Crosswalk-Somebody");
        }

        @Test
        void a_named_credential_without_its_external_credential_is_refused() throws IOException {
            CrosswalkPackage.copyTo(dir);
            edit("namedCredentials/Crosswalk.namedCredential-meta.xml", "<externalCredential>Crosswalk<",
                    "<externalCredential>Elsewhere<");
            assertThat(refused().problem()).isEqualTo("In field: externalCredential - no ExternalCredential named Elsewhere found");
        }

        @Test
        void an_apex_class_whose_body_declares_another_name_is_refused() throws IOException {
            CrosswalkPackage.copyTo(dir);
            edit("classes/CrosswalkSetupController.cls", "public with sharing class CrosswalkSetupController",
                    "public with sharing class SomethingElse");
            MetadataException e = refused();
            assertThat(e.origin().componentType()).isEqualTo("ApexClass");
            assertThat(e.problem()).contains("SomethingElse");
        }

        @Test
        void every_problem_is_reported_not_just_the_first() throws IOException {
            CrosswalkPackage.copyTo(dir);
            edit("objects/Ecosystem_Overlap__c/fields/Lead__c.field-meta.xml", "<referenceTo>Lead</referenceTo>",
                    "<referenceTo>Nope__c</referenceTo>");
            edit("permissionsets/Crosswalk_Viewer.permissionset-meta.xml", "Ecosystem_Overlap__c.Partner_Name__c",
                    "Ecosystem_Overlap__c.Gone__c");
            List<MetadataException> problems = PackageInstaller.check(org, SfdxPackage.read(dir));
            assertThat(problems).extracting(p -> p.origin().fullName())
                    .containsExactly("Ecosystem_Overlap__c.Lead__c", "Crosswalk_Viewer");
        }

        @Test
        void a_missing_folder_is_a_clear_error() {
            assertThatThrownBy(() -> PackageInstaller.install(org, dir.resolve("nope"))).hasMessageContaining("is not a directory");
        }
    }
}
