package dev.crosswalk.emulator.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.model.Org;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Metadata API deploys in-process: all or nothing, checkOnly, manifest members missing from the zip. */
class DeployJobsTest {
    private final EmulatorState state = new EmulatorState(EmulatorOptions.builder().build());
    private final Org org = state.createOrg("Deploy Co");
    private final String admin = state.createUser(org, new NewUser("a@deploy.example", "A", "Admin", "a@deploy.example",
            EmulatorState.PROFILE_ADMIN), "pw");
    private final DeployJobs deploys = new DeployJobs(state);

    private static String manifest(String... typeAndMembers) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><Package xmlns=\"http://soap.sforce.com/2006/04/metadata\">");
        for (int i = 0; i < typeAndMembers.length; i += 2) {
            b.append("<types><members>").append(typeAndMembers[i + 1]).append("</members><name>").append(typeAndMembers[i])
                    .append("</name></types>");
        }
        return b.append("<version>62.0</version></Package>").toString();
    }

    private static final String OBJECT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
                <fields><fullName>Size__c</fullName><label>Size</label><precision>5</precision><scale>0</scale><type>Number</type></fields>
                <fields><fullName>Parent__c</fullName><label>Parent</label><referenceTo>%s</referenceTo><relationshipName>Things</relationshipName><type>Lookup</type></fields>
                <label>Thing</label><nameField><label>Name</label><type>Text</type></nameField><pluralLabel>Things</pluralLabel>
                <deploymentStatus>Deployed</deploymentStatus><sharingModel>ReadWrite</sharingModel>
            </CustomObject>
            """;

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private byte[] thing(String referenceTo) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("package.xml", manifest("CustomObject", "Thing__c", "CustomField", "Thing__c.Size__c", "CustomField", "Thing__c.Parent__c"));
        files.put("objects/Thing__c.object", OBJECT.formatted(referenceTo).strip());
        return zip(files);
    }

    private DeployJobs.Result await(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            DeployJobs.Result r = deploys.get(org, id).orElseThrow();
            if (r.done()) {
                return r;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("deploy " + id + " did not finish");
    }

    @Test
    void a_good_zip_deploys_every_member_and_reports_it_created() throws Exception {
        DeployJobs.Result r = await(deploys.start(org, admin, thing("Account"), DeployJobs.Options.defaults()));
        assertThat(r.status()).isEqualTo("Succeeded");
        assertThat(r.componentsTotal()).isEqualTo(3);
        assertThat(r.successes()).extracting(DeployJobs.Message::fullName)
                .containsExactly("package.xml", "Thing__c", "Thing__c.Size__c", "Thing__c.Parent__c");
        assertThat(r.successes()).filteredOn(m -> !m.fullName().equals("package.xml")).allMatch(DeployJobs.Message::created);
        assertThat(org.type("Thing__c").orElseThrow().field("Parent__c")).isPresent();

        DeployJobs.Result again = await(deploys.start(org, admin, thing("Account"), DeployJobs.Options.defaults()));
        assertThat(again.successes()).filteredOn(m -> m.fullName().equals("Thing__c")).allMatch(m -> m.changed() && !m.created());
    }

    @Test
    void one_bad_member_fails_the_deploy_and_changes_nothing() throws Exception {
        DeployJobs.Result r = await(deploys.start(org, admin, thing("Missing__c"), DeployJobs.Options.defaults()));
        assertThat(r.status()).isEqualTo("Failed");
        assertThat(r.componentsDeployed()).isZero();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.componentType()).isEqualTo("CustomField");
            assertThat(f.fullName()).isEqualTo("Thing__c.Parent__c");
            assertThat(f.fileName()).isEqualTo("objects/Thing__c.object");
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.problem()).contains("referenceTo value of 'Missing__c' does not resolve to a valid sObject type");
        });
        assertThat(r.successes()).extracting(DeployJobs.Message::fullName).containsExactly("package.xml");
        assertThat(org.type("Thing__c")).isEmpty();
    }

    @Test
    void check_only_validates_without_changing_the_org() throws Exception {
        DeployJobs.Result r = await(deploys.start(org, admin, thing("Account"), new DeployJobs.Options(true, false, true, true, null)));
        assertThat(r.status()).isEqualTo("Succeeded");
        assertThat(org.type("Thing__c")).isEmpty();
    }

    @Test
    void a_member_named_in_package_xml_but_missing_from_the_zip_is_a_failure() throws Exception {
        byte[] zip = zip(Map.of("package.xml", manifest("ApexClass", "Ghost")));
        DeployJobs.Result r = await(deploys.start(org, admin, zip, DeployJobs.Options.defaults()));
        assertThat(r.status()).isEqualTo("Failed");
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.problem())
                .isEqualTo("An object 'Ghost' of type ApexClass was named in package.xml, but was not found in zipped directory"));
    }

    @Test
    void a_zip_without_package_xml_fails() throws Exception {
        DeployJobs.Result r = await(deploys.start(org, admin, zip(Map.of("classes/A.cls", "class A {}")), DeployJobs.Options.defaults()));
        assertThat(r.status()).isEqualTo("Failed");
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.problem()).isEqualTo("No package.xml found"));
    }
}
