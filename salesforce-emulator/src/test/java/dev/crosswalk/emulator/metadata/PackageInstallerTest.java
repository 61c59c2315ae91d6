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
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageInstallerTest {
    private final EmulatorState state = new EmulatorState(EmulatorOptions.builder().build());
    private final Org org = state.createOrg("Acme");

    static Path fixture() {
        try {
            return Path.of(PackageInstallerTest.class.getResource("/sfdx/fixture").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Installing_the_fixture {
        private final PackageInstaller.InstallReport report = PackageInstaller.install(org, fixture());
        private final SObjectType overlap = org.type("ecosystem_overlap__c").orElseThrow();

        @Test
        void creates_the_custom_object_with_its_fields_and_a_custom_key_prefix() {
            assertThat(report.objects()).containsExactly("Ecosystem_Overlap__c");
            assertThat(overlap.keyPrefix()).startsWith("a");
            assertThat(overlap.fields()).extracting(FieldDef::name).contains("Id", "Name", "OwnerId", "Crosswalk_Id__c",
                    "Account__c", "Partner_Population__c", "IsDeleted", "SystemModstamp");
            FieldDef ext = overlap.require("Crosswalk_Id__c");
            assertThat(ext.externalId()).isTrue();
            assertThat(ext.unique()).isTrue();
            assertThat(ext.required()).isTrue();
            assertThat(ext.length()).isEqualTo(64);
            FieldDef lookup = overlap.require("Account__c");
            assertThat(lookup.type()).isEqualTo(FieldType.REFERENCE);
            assertThat(lookup.referenceTo()).containsExactly("Account");
            assertThat(lookup.relationshipName()).isEqualTo("Account__r");
            assertThat(overlap.require("Partner_Population__c").restrictedPicklist()).isTrue();
            assertThat(overlap.require("Overlap_Score__c").type()).isEqualTo(FieldType.DOUBLE);
        }

        @Test
        void adds_custom_fields_to_standard_objects() {
            assertThat(org.type("Account").orElseThrow().field("Crosswalk_Partner_Count__c")).isPresent();
        }

        @Test
        void fills_auto_number_names_on_create() {
            Record first = org.write(() -> RecordLifecycle.create(org, overlap, null));
            Record second = org.write(() -> RecordLifecycle.create(org, overlap, null));
            assertThat(first.get(overlap.require("Name"))).isEqualTo("OV-00001");
            assertThat(second.get(overlap.require("Name"))).isEqualTo("OV-00002");
        }

        @Test
        void installs_pages_as_apex_page_records_and_lists_what_it_skipped() {
            assertThat(report.pages()).containsExactly("CrosswalkSetup");
            assertThat(org.store("ApexPage").all()).hasSize(1);
            assertThat(report.skipped()).anyMatch(s -> s.endsWith("Crosswalk.namedCredential-meta.xml"));
        }

        @Test
        void the_permission_set_governs_access_only_once_assigned() {
            String user = state.createUser(org, new NewUser("int@acme.example", "Int", "User", "int@acme.example",
                    EmulatorState.PROFILE_MINIMUM), "pw");
            assertThat(state.permissions().access(org, user).canRead(overlap)).isFalse();

            PermissionAdmin.assign(org, user, PermissionAdmin.permissionSetId(org, "Crosswalk_Setup_User").orElseThrow());

            EffectiveAccess access = state.permissions().access(org, user);
            assertThat(access.apiEnabled()).isTrue();
            assertThat(access.object(overlap).create()).isTrue();
            assertThat(access.canEditField(overlap, overlap.require("Partner_Name__c"))).isTrue();
            assertThat(access.canReadField(overlap, overlap.require("Overlap_Score__c"))).isTrue();
            assertThat(access.canEditField(overlap, overlap.require("Overlap_Score__c"))).isFalse();
            assertThat(access.canReadField(overlap, overlap.require("Last_Seen__c"))).isFalse();
            String pageId = org.store("ApexPage").all().iterator().next().id();
            assertThat(access.hasSetupEntityAccess(pageId)).isTrue();
        }

        @Test
        void installing_again_upgrades_in_place() {
            PackageInstaller.InstallReport again = PackageInstaller.install(org, fixture());
            assertThat(again.objects()).isEmpty();
            assertThat(org.types().stream().filter(t -> t.name().equals("Ecosystem_Overlap__c"))).hasSize(1);
            assertThat(org.store("ApexPage").all()).hasSize(1);
            assertThat(PermissionAdmin.permissionSetId(org, "Crosswalk_Setup_User")).isPresent();
        }
    }

    @Nested
    class Refusing_malformed_metadata {
        @TempDir
        Path dir;

        private Path copyOfFixture() throws IOException {
            Path root = fixture();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                    Path target = dir.resolve(root.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
            return dir;
        }

        private Path file(String relative) {
            return dir.resolve("force-app/main/default/" + relative);
        }

        @Test
        void a_text_field_without_length_names_the_file_and_element() throws IOException {
            copyOfFixture();
            Files.writeString(file("objects/Ecosystem_Overlap__c/fields/Partner_Name__c.field-meta.xml"),
                    "<CustomField xmlns=\"http://soap.sforce.com/2006/04/metadata\"><fullName>Partner_Name__c</fullName>"
                            + "<label>P</label><type>Text</type></CustomField>");
            assertThatThrownBy(() -> PackageInstaller.install(org, dir))
                    .isInstanceOf(MetadataException.class)
                    .hasMessageContaining("Partner_Name__c.field-meta.xml")
                    .hasMessageContaining("<length>");
            assertThat(org.type("Ecosystem_Overlap__c")).isEmpty();
        }

        @Test
        void broken_xml_is_refused() throws IOException {
            copyOfFixture();
            Files.writeString(file("objects/Ecosystem_Overlap__c/Ecosystem_Overlap__c.object-meta.xml"), "<CustomObject><label>");
            assertThatThrownBy(() -> PackageInstaller.install(org, dir))
                    .isInstanceOf(MetadataException.class)
                    .hasMessageContaining("Ecosystem_Overlap__c.object-meta.xml")
                    .hasMessageContaining("not well-formed");
        }

        @Test
        void a_permission_on_a_missing_field_refuses_the_whole_package() throws IOException {
            copyOfFixture();
            Path ps = file("permissionsets/Crosswalk_Setup_User.permissionset-meta.xml");
            Files.writeString(ps, Files.readString(ps).replace("Ecosystem_Overlap__c.Partner_Name__c", "Ecosystem_Overlap__c.Nope__c"));
            assertThatThrownBy(() -> PackageInstaller.install(org, dir))
                    .isInstanceOf(MetadataException.class)
                    .hasMessageContaining("Crosswalk_Setup_User.permissionset-meta.xml")
                    .hasMessageContaining("fieldPermissions/field")
                    .hasMessageContaining("Nope__c");
            assertThat(org.type("Ecosystem_Overlap__c")).isEmpty();
            assertThat(PermissionAdmin.permissionSetId(org, "Crosswalk_Setup_User")).isEmpty();
        }

        @Test
        void field_permissions_on_a_required_field_are_refused() throws IOException {
            copyOfFixture();
            Path ps = file("permissionsets/Crosswalk_Setup_User.permissionset-meta.xml");
            Files.writeString(ps, Files.readString(ps).replace("Ecosystem_Overlap__c.Partner_Name__c", "Ecosystem_Overlap__c.Crosswalk_Id__c"));
            assertThatThrownBy(() -> PackageInstaller.install(org, dir)).hasMessageContaining("required");
        }

        @Test
        void object_permission_dependencies_are_checked() throws IOException {
            copyOfFixture();
            Path ps = file("permissionsets/Crosswalk_Setup_User.permissionset-meta.xml");
            Files.writeString(ps, Files.readString(ps).replace("<allowEdit>true</allowEdit><allowRead>true</allowRead>",
                    "<allowEdit>true</allowEdit><allowRead>false</allowRead>"));
            assertThatThrownBy(() -> PackageInstaller.install(org, dir)).hasMessageContaining("require read");
        }

        @Test
        void a_lookup_to_an_unknown_object_is_refused() throws IOException {
            copyOfFixture();
            Path f = file("objects/Ecosystem_Overlap__c/fields/Account__c.field-meta.xml");
            Files.writeString(f, Files.readString(f).replace("<referenceTo>Account</referenceTo>", "<referenceTo>Nothing__c</referenceTo>"));
            assertThatThrownBy(() -> PackageInstaller.install(org, dir)).hasMessageContaining("referenceTo")
                    .hasMessageContaining("Nothing__c");
        }

        @Test
        void a_missing_folder_is_a_clear_error() {
            assertThatThrownBy(() -> PackageInstaller.install(org, dir.resolve("nope"))).hasMessageContaining("is not a directory");
        }
    }
}
