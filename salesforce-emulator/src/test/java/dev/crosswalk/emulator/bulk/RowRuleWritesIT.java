package dev.crosswalk.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.metadata.CrosswalkPackage;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.rules.RowRules;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Row rules registered through the admin API refuse the matching rows, and only those, on every
 * write path: one sObject call, sObject Collections and a Bulk API 2.0 ingest job; a counted rule
 * (UNABLE_TO_LOCK_ROW) lets the row through once it has refused its share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowRuleWritesIT {
    private static final String MESSAGE = "Mining partners are reviewed by the alliances team first.";
    private BulkHttp sf;

    @BeforeAll
    void start() {
        sf = new BulkHttp(EmulatorState.PROFILE_MINIMUM);
        PackageInstaller.install(sf.org, CrosswalkPackage.path());
        PermissionAdmin.assign(sf.org, sf.userId, PermissionAdmin.permissionSetId(sf.org, "Crosswalk_Setup_User").orElseThrow());
    }

    @AfterEach
    void clear() {
        RowRules.clear(sf.org, null);
    }

    @AfterAll
    void stop() {
        sf.close();
    }

    private void validationRule() throws Exception {
        HttpResponse<String> r = sf.postJson("/_emulator/row-rules", "{\"org\":\"" + sf.org.id() + "\",\"object\":\"Ecosystem_Overlap__c\","
                + "\"field\":\"Partner_Fields__c\",\"contains\":\"Industry: Mining\",\"message\":\"" + MESSAGE + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(BulkHttp.json(r).get("errorCode").asString()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
    }

    private static String record(String key, String fields) {
        return "{\"attributes\":{\"type\":\"Ecosystem_Overlap__c\"},\"Crosswalk_Key__c\":\"" + key + "\",\"Partner_Fields__c\":\"" + fields
                + "\"}";
    }

    @Test
    void a_validation_rule_refuses_only_its_rows_in_one_call_and_in_collections() throws Exception {
        validationRule();
        HttpResponse<String> one = sf.postJson(BulkHttp.V + "/sobjects/Ecosystem_Overlap__c",
                "{\"Crosswalk_Key__c\":\"r-one\",\"Partner_Fields__c\":\"Industry: Mining\"}");
        assertThat(one.statusCode()).isEqualTo(400);
        JsonNode error = BulkHttp.json(one).get(0);
        assertThat(error.get("errorCode").asString()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(error.get("message").asString()).isEqualTo(MESSAGE);

        HttpResponse<String> r = sf.patchJson(BulkHttp.V + "/composite/sobjects/Ecosystem_Overlap__c/Crosswalk_Key__c",
                "{\"allOrNone\":false,\"records\":[" + record("r-ok", "Industry: Banking") + "," + record("r-bad", "Industry: Mining") + "]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode results = BulkHttp.json(r);
        assertThat(results.get(0).get("success").asBoolean()).isTrue();
        assertThat(results.get(1).get("success").asBoolean()).isFalse();
        JsonNode e = results.get(1).get("errors").get(0);
        assertThat(e.get("statusCode").asString()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(e.get("message").asString()).isEqualTo(MESSAGE);
        assertThat(e.get("fields").get(0).asString()).isEqualTo("Partner_Fields__c");

        // An update into a refused value is refused too; the record keeps what it had.
        HttpResponse<String> update = sf.patchJson(BulkHttp.V + "/composite/sobjects/Ecosystem_Overlap__c/Crosswalk_Key__c",
                "{\"allOrNone\":false,\"records\":[" + record("r-ok", "Industry: Mining") + "]}");
        assertThat(BulkHttp.json(update).get(0).get("success").asBoolean()).isFalse();
    }

    @Test
    void a_validation_rule_refuses_only_its_rows_in_a_bulk_ingest_job() throws Exception {
        validationRule();
        HttpResponse<String> created = sf.postJson(BulkHttp.V + "/jobs/ingest", "{\"object\":\"Ecosystem_Overlap__c\","
                + "\"externalIdFieldName\":\"Crosswalk_Key__c\",\"contentType\":\"CSV\",\"operation\":\"upsert\",\"lineEnding\":\"LF\"}");
        String id = BulkHttp.json(created).get("id").asString();
        String csv = "Crosswalk_Key__c,Partner_Fields__c\nb-ok,Industry: Banking\nb-bad,Industry: Mining\n";
        assertThat(sf.putCsv(BulkHttp.V + "/jobs/ingest/" + id + "/batches", csv).statusCode()).isEqualTo(201);
        sf.patchJson(BulkHttp.V + "/jobs/ingest/" + id, "{\"state\":\"UploadComplete\"}");
        JsonNode info = sf.awaitJob("ingest", id);
        assertThat(info.get("numberRecordsFailed").asInt()).isEqualTo(1);
        List<CSVRecord> failed = results(id, "failedResults");
        assertThat(failed).singleElement().satisfies(row -> {
            assertThat(row.get("Crosswalk_Key__c")).isEqualTo("b-bad");
            assertThat(row.get("sf__Error")).startsWith("FIELD_CUSTOM_VALIDATION_EXCEPTION:" + MESSAGE);
        });
        assertThat(results(id, "successfulResults")).singleElement().satisfies(row -> assertThat(row.get("Crosswalk_Key__c"))
                .isEqualTo("b-ok"));
    }

    @Test
    void a_counted_lock_rule_refuses_its_share_then_lets_the_row_through() throws Exception {
        HttpResponse<String> r = sf.postJson("/_emulator/row-rules", "{\"org\":\"" + sf.org.id() + "\",\"object\":\"Ecosystem_Overlap__c\","
                + "\"field\":\"Partner_Fields__c\",\"contains\":\"Locked\",\"errorCode\":\"UNABLE_TO_LOCK_ROW\",\"times\":1,"
                + "\"message\":\"unable to obtain exclusive access to this record or 1 records\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String path = BulkHttp.V + "/composite/sobjects/Ecosystem_Overlap__c/Crosswalk_Key__c";
        String body = "{\"allOrNone\":false,\"records\":[" + record("l-1", "Locked") + "]}";
        JsonNode first = BulkHttp.json(sf.patchJson(path, body)).get(0);
        assertThat(first.get("errors").get(0).get("statusCode").asString()).isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(BulkHttp.json(sf.patchJson(path, body)).get(0).get("success").asBoolean()).isTrue();
    }

    private List<CSVRecord> results(String jobId, String file) throws Exception {
        HttpResponse<String> r = sf.get(BulkHttp.V + "/jobs/ingest/" + jobId + "/" + file);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(r.body())).getRecords();
    }
}
