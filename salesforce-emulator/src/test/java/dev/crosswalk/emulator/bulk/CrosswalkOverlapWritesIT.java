package dev.crosswalk.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.metadata.CrosswalkPackage;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * What push does against the installed package: the integration user, holding only
 * {@code Crosswalk_Setup_User}, upserts Crosswalk Ecosystem Overlaps by {@code Crosswalk_Key__c}
 * through sObject Collections and Bulk API 2.0 ingest, and gets Salesforce's per-row errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrosswalkOverlapWritesIT {
    private static final String COLLECTION = BulkHttp.V + "/composite/sobjects/Ecosystem_Overlap__c/Crosswalk_Key__c";
    private BulkHttp sf;
    private String accountId;
    private String missingAccountId;
    private final String tooLong = "x".repeat(256);

    @BeforeAll
    void start() {
        sf = new BulkHttp(EmulatorState.PROFILE_MINIMUM);
        PackageInstaller.install(sf.org, CrosswalkPackage.path());
        PermissionAdmin.assign(sf.org, sf.userId, PermissionAdmin.permissionSetId(sf.org, "Crosswalk_Setup_User").orElseThrow());
        SObjectType account = sf.org.type("Account").orElseThrow();
        accountId = sf.org.write(() -> {
            Record r = RecordLifecycle.create(sf.org, account, null);
            r.set(account.require("Name"), "Northwind");
            RecordLifecycle.touch(sf.org, account, r, null);
            return r.id();
        });
        missingAccountId = Ids.to18(Ids.id15("001", sf.org.pod(), 987_654));
    }

    @AfterAll
    void stop() {
        sf.close();
    }

    private static String record(String key, String extra) {
        return "{\"attributes\":{\"type\":\"Ecosystem_Overlap__c\"},\"Crosswalk_Key__c\":\"" + key + "\"" + extra + "}";
    }

    @Test
    void collections_upsert_creates_updates_and_reports_each_bad_row() throws Exception {
        String body = "{\"allOrNone\":false,\"records\":["
                + record("c-good", ",\"Account__c\":\"" + accountId + "\",\"Partner_Name__c\":\"Globex\",\"Match_Evidence__c\":\"Domain\""
                        + ",\"Last_Confirmed__c\":\"2026-12-01T10:00:00.000Z\"") + ","
                + record("c-missing", ",\"Account__c\":\"" + missingAccountId + "\"") + ","
                + record("c-long", ",\"Partner_Name__c\":\"" + tooLong + "\"") + ","
                + record("c-twice", ",\"Partner_Name__c\":\"A\"") + ","
                + record("c-twice", ",\"Partner_Name__c\":\"B\"") + ","
                + record("c-Case", "") + ","
                + record("c-case", "") + "]}";

        HttpResponse<String> r = sf.patchJson(COLLECTION, body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode results = BulkHttp.json(r);
        assertThat(results.get(0).get("success").asBoolean()).isTrue();
        assertThat(results.get(0).get("created").asBoolean()).isTrue();
        assertThat(code(results.get(1))).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(code(results.get(2))).isEqualTo("STRING_TOO_LONG");
        assertThat(results.get(2).get("errors").get(0).get("message").asString()).startsWith("Partner Name: data value too large");
        assertThat(code(results.get(3))).isEqualTo("DUPLICATE_EXTERNAL_ID");
        assertThat(code(results.get(4))).isEqualTo("DUPLICATE_EXTERNAL_ID");
        assertThat(results.get(5).get("success").asBoolean()).as("the key is case-sensitive").isTrue();
        assertThat(results.get(6).get("success").asBoolean()).isTrue();

        HttpResponse<String> again = sf.patchJson(COLLECTION, "{\"records\":[" + record("c-good", ",\"Partner_Name__c\":\"Globex Inc\"") + "]}");
        JsonNode updated = BulkHttp.json(again).get(0);
        assertThat(updated.get("created").asBoolean()).isFalse();
        assertThat(updated.get("id").asString()).isEqualTo(results.get(0).get("id").asString());
    }

    @Test
    void bulk_ingest_upsert_reports_each_bad_row_in_failed_results() throws Exception {
        HttpResponse<String> created = sf.postJson(BulkHttp.V + "/jobs/ingest", "{\"object\":\"Ecosystem_Overlap__c\","
                + "\"externalIdFieldName\":\"Crosswalk_Key__c\",\"contentType\":\"CSV\",\"operation\":\"upsert\",\"lineEnding\":\"LF\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = BulkHttp.json(created).get("id").asString();
        String csv = "Crosswalk_Key__c,Account__c,Partner_Name__c,Match_Evidence__c,First_Overlapped__c\n"
                + "b-good," + accountId + ",Globex,Name,2026-12-01T10:00:00.000Z\n"
                + "b-missing," + missingAccountId + ",Globex,,\n"
                + "b-long,," + tooLong + ",,\n"
                + "b-twice,,A,,\n"
                + "b-twice,,B,,\n";
        assertThat(sf.putCsv(BulkHttp.V + "/jobs/ingest/" + id + "/batches", csv).statusCode()).isEqualTo(201);
        sf.patchJson(BulkHttp.V + "/jobs/ingest/" + id, "{\"state\":\"UploadComplete\"}");
        JsonNode info = sf.awaitJob("ingest", id);
        assertThat(info.get("state").asString()).isEqualTo("JobComplete");
        assertThat(info.get("numberRecordsFailed").asInt()).isEqualTo(4);

        List<CSVRecord> ok = results(id, "successfulResults");
        assertThat(ok).singleElement().satisfies(row -> {
            assertThat(row.get("Crosswalk_Key__c")).isEqualTo("b-good");
            assertThat(row.get("sf__Created")).isEqualTo("true");
        });
        Map<String, List<String>> errors = results(id, "failedResults").stream().collect(Collectors.groupingBy(
                row -> row.get("Crosswalk_Key__c"), Collectors.mapping(row -> row.get("sf__Error"), Collectors.toList())));
        assertThat(errors.get("b-missing")).singleElement().asString().startsWith("INVALID_CROSS_REFERENCE_KEY:");
        assertThat(errors.get("b-long")).singleElement().asString().startsWith("STRING_TOO_LONG:Partner Name: data value too large");
        assertThat(errors.get("b-twice")).hasSize(2).allSatisfy(e -> assertThat(e).startsWith("DUPLICATE_EXTERNAL_ID:"));
    }

    private static String code(JsonNode result) {
        assertThat(result.get("success").asBoolean()).as(result.toString()).isFalse();
        return result.get("errors").get(0).get("statusCode").asString();
    }

    private List<CSVRecord> results(String jobId, String file) throws Exception {
        HttpResponse<String> r = sf.get(BulkHttp.V + "/jobs/ingest/" + jobId + "/" + file);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(r.body())).getRecords();
    }
}
