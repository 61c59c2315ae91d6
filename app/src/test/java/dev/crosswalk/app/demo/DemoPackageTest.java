package dev.crosswalk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.metadata.SfdxPackage;
import dev.crosswalk.emulator.model.Org;
import org.junit.jupiter.api.Test;

class DemoPackageTest {

    @Test
    void the_package_is_read_from_the_classpath_with_every_component() {
        SfdxPackage pkg = SfdxPackage.of(DemoPackage.sourceFiles());
        assertThat(pkg.objects()).extracting(SfdxPackage.ObjectSpec::apiName).contains("Ecosystem_Overlap__c");
        assertThat(pkg.fields()).hasSize(16);
        assertThat(pkg.permissionSets()).extracting(SfdxPackage.PermissionSetSpec::apiName)
                .containsExactlyInAnyOrder("Crosswalk_Setup_User", "Crosswalk_Viewer");
        assertThat(pkg.pages()).singleElement().satisfies(p -> assertThat(p.markup()).contains("{!setupUrl}"));
        assertThat(pkg.namedCredentials()).singleElement().satisfies(n -> assertThat(n.name()).isEqualTo("Crosswalk"));
        assertThat(pkg.lwcs()).hasSize(1);
    }

    @Test
    void it_installs_into_an_org() {
        Org org = new EmulatorState(EmulatorOptions.builder().build()).createOrg(DemoPackage.ORG);
        PackageInstaller.install(org, SfdxPackage.of(DemoPackage.sourceFiles()));
        assertThat(org.type("Ecosystem_Overlap__c")).isPresent();
    }
}
