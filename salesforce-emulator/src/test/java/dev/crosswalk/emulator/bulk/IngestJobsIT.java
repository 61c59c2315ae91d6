package dev.crosswalk.emulator.bulk;

import static dev.crosswalk.emulator.bulk.BulkHttp.V;
import static dev.crosswalk.emulator.bulk.BulkHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardSchema;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IngestJobsIT {
    private static BulkHttp sf;
    private static SObjectType thing;

    @BeforeAll
    static void start() {
        sf = new BulkHttp();
        thing = sf.org.addType(StandardSchema.withAudit(StandardSchema.newType("Thing__c", "Thing", "Things",
                sf.org.nextCustomKeyPrefix(), SObjectType.AccessModel.CRUD)));
        thing.addField(FieldDef.builder("Name", FieldType.STRING).nameField().build());
        thing.addField(FieldDef.builder("Ext__c", FieldType.STRING).externalId().unique().build());
        thing.addField(FieldDef.builder("Size__c", FieldType.INT).build());
    }

    @AfterAll
    static void stop() {
        sf.close();
    }

    private static String createJob(String json) throws Exception {
        HttpResponse<String> r = sf.postJson(V + "/jobs/ingest", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode info = json(r);
        assertThat(info.get("state").asString()).isEqualTo("Open");
        assertThat(info.get("contentUrl").asString()).endsWith("/jobs/ingest/" + info.get("id").asString() + "/batches");
        return info.get("id").asString();
    }

    /** Creates a job, uploads the CSV, closes it and waits for it to finish. */
    private static JsonNode run(String jobJson, String... uploads) throws Exception {
        String id = createJob(jobJson);
        for (String csv : uploads) {
            HttpResponse<String> put = sf.putCsv(V + "/jobs/ingest/" + id + "/batches", csv);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        }
        HttpResponse<String> close = sf.patchJson(V + "/jobs/ingest/" + id, "{\"state\":\"UploadComplete\"}");
        assertThat(close.statusCode()).as(close.body()).isEqualTo(200);
        return sf.awaitJob("ingest", id);
    }

    private static List<CSVRecord> results(String jobId, String file) throws Exception {
        HttpResponse<String> r = sf.get(V + "/jobs/ingest/" + jobId + "/" + file + "/");
        assertThat(r.statusCode()).isEqualTo(200);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.body())).getRecords();
    }

    private static Record account(String id) {
        return sf.org.read(() -> sf.org.store("Account").get(id));
    }

    private static Object value(Record r, String type, String field) {
        return r.get(sf.org.type(type).orElseThrow().require(field));
    }

    @Nested
    class Insert {
        @Test
        void good_rows_are_created_and_bad_rows_fail_on_their_own() throws Exception {
            JsonNode info = run("{\"object\":\"Account\",\"operation\":\"insert\"}",
                    "Name,NumberOfEmployees,Website\n"
                            + "\"Acme, Inc.\",10,acme.com\n"
                            + ",5,nameless.com\n"
                            + "Bad Number,lots,\n"
                            + "Too,Many,Cells,Here\n"
                            + "\"Zürich \"\"Quoted\"\"\nSecond line\",,\n");
            assertThat(info.get("state").asString()).isEqualTo("JobComplete");
            assertThat(info.get("numberRecordsProcessed").asInt()).isEqualTo(5);
            assertThat(info.get("numberRecordsFailed").asInt()).isEqualTo(3);
            String id = info.get("id").asString();

            List<CSVRecord> ok = results(id, "successfulResults");
            assertThat(ok).hasSize(2);
            assertThat(ok.get(0).get("sf__Created")).isEqualTo("true");
            assertThat(ok.get(0).get("Name")).isEqualTo("Acme, Inc.");
            Record acme = account(ok.get(0).get("sf__Id"));
            assertThat(value(acme, "Account", "NumberOfEmployees")).isEqualTo(10);
            assertThat(value(account(ok.get(1).get("sf__Id")), "Account", "Name")).isEqualTo("Zürich \"Quoted\"\nSecond line");

            List<CSVRecord> failed = results(id, "failedResults");
            assertThat(failed).hasSize(3);
            assertThat(failed.get(0).get("sf__Error"))
                    .isEqualTo("REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --");
            assertThat(failed.get(0).get("Website")).isEqualTo("nameless.com");
            assertThat(failed.get(1).get("sf__Error")).startsWith("INVALID_");
            assertThat(failed.get(2).get("sf__Error")).startsWith("INVALID_INPUT:");
            assertThat(results(id, "unprocessedrecords")).isEmpty();
        }

        @Test
        void an_unknown_column_fails_the_whole_job_and_leaves_the_rows_unprocessed() throws Exception {
            JsonNode info = run("{\"object\":\"Account\",\"operation\":\"insert\"}", "Name,Foo\nA,1\nB,2\n");
            assertThat(info.get("state").asString()).isEqualTo("Failed");
            assertThat(info.get("errorMessage").asString()).isEqualTo("InvalidBatch : Field name not found : Foo");
            assertThat(results(info.get("id").asString(), "unprocessedrecords")).hasSize(2);
        }

        @Test
        void several_uploads_are_processed_as_one_job_with_the_jobs_delimiter_and_line_ending() throws Exception {
            JsonNode info = run("{\"object\":\"Account\",\"operation\":\"insert\",\"columnDelimiter\":\"SEMICOLON\",\"lineEnding\":\"CRLF\"}",
                    "Name;Phone\r\nSemi;1\r\n", "Name;Phone\r\n\"Co;lon\";2\r\n");
            assertThat(info.get("numberRecordsProcessed").asInt()).isEqualTo(2);
            HttpResponse<String> r = sf.get(V + "/jobs/ingest/" + info.get("id").asString() + "/successfulResults/");
            assertThat(r.body()).startsWith("\"sf__Id\";\"sf__Created\";\"Name\";\"Phone\"\r\n").contains(";\"Co;lon\";\"2\"\r\n");
        }

        @Test
        void a_file_with_the_wrong_line_ending_fails_the_job() throws Exception {
            JsonNode info = run("{\"object\":\"Account\",\"operation\":\"insert\"}", "Name\r\nA\r\n");
            assertThat(info.get("state").asString()).isEqualTo("Failed");
            assertThat(info.get("errorMessage").asString()).contains("LineEnding is invalid on user data");
        }
    }

    @Nested
    class UpsertUpdateDelete {
        @Test
        void upsert_on_an_external_id_inserts_then_updates_and_rejects_duplicates_in_the_file() throws Exception {
            String job = "{\"object\":\"Thing__c\",\"operation\":\"upsert\",\"externalIdFieldName\":\"Ext__c\"}";
            JsonNode first = run(job, "Ext__c,Name,Size__c\nT-1,One,1\nT-2,Two,2\n");
            assertThat(first.get("numberRecordsFailed").asInt()).isZero();
            assertThat(first.get("externalIdFieldName").asString()).isEqualTo("Ext__c");
            assertThat(results(first.get("id").asString(), "successfulResults")).allSatisfy(r -> assertThat(r.get("sf__Created")).isEqualTo("true"));

            JsonNode second = run(job, "Ext__c,Name,Size__c\nt-1,One again,#N/A\nT-3,Three,3\nT-9,Dup A,9\nT-9,Dup B,9\n");
            assertThat(second.get("numberRecordsProcessed").asInt()).isEqualTo(4);
            assertThat(second.get("numberRecordsFailed").asInt()).isEqualTo(2);
            List<CSVRecord> ok = results(second.get("id").asString(), "successfulResults");
            assertThat(ok).extracting(r -> r.get("Ext__c") + "=" + r.get("sf__Created")).containsExactly("t-1=false", "T-3=true");
            Record one = sf.org.read(() -> sf.org.store(thing).get(ok.get(0).get("sf__Id")));
            assertThat(value(one, "Thing__c", "Name")).isEqualTo("One again");
            assertThat(value(one, "Thing__c", "Size__c")).as("#N/A clears the field").isNull();
            List<CSVRecord> failed = results(second.get("id").asString(), "failedResults");
            assertThat(failed).hasSize(2).allSatisfy(r -> assertThat(r.get("sf__Error")).startsWith("DUPLICATE_EXTERNAL_ID:"));
            assertThat(sf.org.read(() -> sf.org.store(thing).size())).isEqualTo(3);
        }

        @Test
        void update_changes_given_fields_and_leaves_empty_cells_alone_then_delete_moves_to_the_recycle_bin() throws Exception {
            JsonNode created = run("{\"object\":\"Account\",\"operation\":\"insert\"}", "Name,Website\nKeep Me,keep.com\n");
            String id = results(created.get("id").asString(), "successfulResults").get(0).get("sf__Id");

            JsonNode updated = run("{\"object\":\"Account\",\"operation\":\"update\"}",
                    "Id,Name,Website\n" + id + ",Renamed,\n,No Id,x\n");
            assertThat(updated.get("numberRecordsFailed").asInt()).isEqualTo(1);
            assertThat(value(account(id), "Account", "Name")).isEqualTo("Renamed");
            assertThat(value(account(id), "Account", "Website")).isEqualTo("keep.com");
            assertThat(results(updated.get("id").asString(), "failedResults").get(0).get("sf__Error")).startsWith("MISSING_ARGUMENT:");

            JsonNode deleted = run("{\"object\":\"Account\",\"operation\":\"delete\"}", "Id\n" + id + "\n");
            assertThat(deleted.get("numberRecordsFailed").asInt()).isZero();
            assertThat(value(account(id), "Account", "IsDeleted")).isEqualTo(true);
        }

        @Test
        void hard_delete_removes_the_record_entirely() throws Exception {
            JsonNode created = run("{\"object\":\"Account\",\"operation\":\"insert\"}", "Name\nGone Soon\n");
            String id = results(created.get("id").asString(), "successfulResults").get(0).get("sf__Id");
            JsonNode hard = run("{\"object\":\"Account\",\"operation\":\"hardDelete\"}", "Id\n" + id + "\n");
            assertThat(hard.get("state").asString()).isEqualTo("JobComplete");
            assertThat(account(id)).isNull();
        }
    }

    @Nested
    class Lifecycle {
        @Test
        void an_aborted_open_job_reports_its_uploaded_rows_as_unprocessed() throws Exception {
            String id = createJob("{\"object\":\"Account\",\"operation\":\"insert\"}");
            sf.putCsv(V + "/jobs/ingest/" + id + "/batches", "Name\nA\nB\n");
            HttpResponse<String> abort = sf.patchJson(V + "/jobs/ingest/" + id, "{\"state\":\"Aborted\"}");
            assertThat(json(abort).get("state").asString()).isEqualTo("Aborted");
            assertThat(results(id, "unprocessedrecords")).extracting(r -> r.get("Name")).containsExactly("A", "B");
            HttpResponse<String> late = sf.putCsv(V + "/jobs/ingest/" + id + "/batches", "Name\nC\n");
            assertThat(late.statusCode()).isEqualTo(400);
            assertThat(late.body()).contains("INVALIDJOBSTATE");
        }

        @Test
        void unknown_objects_operations_and_external_ids_are_refused_at_creation() throws Exception {
            assertThat(sf.postJson(V + "/jobs/ingest", "{\"object\":\"Nope__c\",\"operation\":\"insert\"}").body()).contains("INVALIDJOB");
            assertThat(sf.postJson(V + "/jobs/ingest", "{\"object\":\"Account\",\"operation\":\"merge\"}").statusCode()).isEqualTo(400);
            assertThat(sf.postJson(V + "/jobs/ingest", "{\"object\":\"Account\",\"operation\":\"upsert\",\"externalIdFieldName\":\"Name\"}")
                    .statusCode()).isEqualTo(400);
        }

        @Test
        void jobs_are_listed_and_a_finished_job_can_be_deleted() throws Exception {
            JsonNode info = run("{\"object\":\"Account\",\"operation\":\"insert\"}", "Name\nListed\n");
            String id = info.get("id").asString();
            assertThat(sf.get(V + "/jobs/ingest").body()).contains(id);
            assertThat(sf.send("DELETE", V + "/jobs/ingest/" + id, null, null).statusCode()).isEqualTo(204);
            assertThat(sf.get(V + "/jobs/ingest/" + id).statusCode()).isEqualTo(404);
        }

        @Test
        void an_open_job_cannot_be_deleted() throws Exception {
            String id = createJob("{\"object\":\"Account\",\"operation\":\"insert\"}");
            assertThat(sf.send("DELETE", V + "/jobs/ingest/" + id, null, null).statusCode()).isEqualTo(400);
        }
    }
}
