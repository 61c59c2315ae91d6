package dev.crosswalk.emulator.bulk;

import static dev.crosswalk.emulator.bulk.BulkHttp.V;
import static dev.crosswalk.emulator.bulk.BulkHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QueryJobsIT {
    private static BulkHttp sf;

    @BeforeAll
    static void start() {
        sf = new BulkHttp();
        SObjectType account = sf.org.type("Account").orElseThrow();
        sf.org.writeRun(() -> {
            for (int i = 0; i < 250; i++) {
                Record r = RecordLifecycle.create(sf.org, account, sf.userId);
                r.set(account.require("Name"), i == 0 ? "Quote \"Co\", Ltd.\nZürich 😀" : "Account " + i);
                r.set(account.require("NumberOfEmployees"), i);
                if (i == 1) {
                    RecordLifecycle.softDelete(sf.org, account, r, sf.userId);
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        sf.close();
    }

    private static String createJob(String operation, String soql) throws Exception {
        HttpResponse<String> r = sf.postJson(V + "/jobs/query",
                "{\"operation\":\"" + operation + "\",\"query\":\"" + soql + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode info = json(r);
        assertThat(info.get("state").asString()).isEqualTo("UploadComplete");
        return info.get("id").asString();
    }

    private static List<CSVRecord> parse(String body) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
    }

    @Nested
    class Lifecycle {
        @Test
        void a_query_job_completes_and_its_results_are_csv_in_select_order_with_relationship_columns() throws Exception {
            String id = createJob("query", "SELECT Name, Id, Owner.Name, NumberOfEmployees, IsDeleted FROM Account WHERE NumberOfEmployees < 3");
            JsonNode info = sf.awaitJob("query", id);
            assertThat(info.get("state").asString()).isEqualTo("JobComplete");
            assertThat(info.get("numberRecordsProcessed").asLong()).isEqualTo(2);
            assertThat(info.get("object").asString()).isEqualTo("Account");
            assertThat(info.get("jobType").asString()).isEqualTo("V2Query");

            HttpResponse<String> results = sf.get(V + "/jobs/query/" + id + "/results");
            assertThat(results.statusCode()).isEqualTo(200);
            assertThat(results.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/csv"));
            assertThat(results.headers().firstValue("Sforce-Locator")).contains("null");
            assertThat(results.headers().firstValue("Sforce-NumberOfRecords")).contains("2");
            assertThat(results.body()).startsWith("\"Name\",\"Id\",\"Owner.Name\",\"NumberOfEmployees\",\"IsDeleted\"\n");
            List<CSVRecord> rows = parse(results.body());
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("Name")).isEqualTo("Quote \"Co\", Ltd.\nZürich 😀");
            assertThat(rows.get(0).get("Owner.Name")).isEqualTo("Bea Bulk");
            assertThat(rows.get(1).get("NumberOfEmployees")).isEqualTo("2");
            assertThat(rows.get(1).get("IsDeleted")).isEqualTo("false");
        }

        @Test
        void query_all_sees_rows_in_the_recycle_bin_and_query_does_not() throws Exception {
            String all = createJob("queryAll", "SELECT Id, IsDeleted FROM Account WHERE IsDeleted = true");
            sf.awaitJob("query", all);
            assertThat(parse(sf.get(V + "/jobs/query/" + all + "/results").body())).hasSize(1)
                    .first().satisfies(r -> assertThat(r.get("IsDeleted")).isEqualTo("true"));
            String live = createJob("query", "SELECT Id FROM Account");
            sf.awaitJob("query", live);
            assertThat(sf.get(V + "/jobs/query/" + live + "/results").headers().firstValue("Sforce-NumberOfRecords"))
                    .contains("249");
        }

        @Test
        void a_finished_job_can_be_deleted_and_is_then_not_found() throws Exception {
            String id = createJob("query", "SELECT Id FROM Account LIMIT 1");
            sf.awaitJob("query", id);
            assertThat(sf.send("DELETE", V + "/jobs/query/" + id, null, null).statusCode()).isEqualTo(204);
            HttpResponse<String> gone = sf.get(V + "/jobs/query/" + id);
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.body()).contains("NOT_FOUND");
        }

        @Test
        void aborting_a_finished_job_is_refused() throws Exception {
            String id = createJob("query", "SELECT Id FROM Account LIMIT 1");
            sf.awaitJob("query", id);
            HttpResponse<String> r = sf.patchJson(V + "/jobs/query/" + id, "{\"state\":\"Aborted\"}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("INVALIDJOBSTATE");
        }

        @Test
        void jobs_are_listed_for_the_org() throws Exception {
            String id = createJob("query", "SELECT Id FROM Account LIMIT 1");
            JsonNode list = json(sf.get(V + "/jobs/query"));
            assertThat(list.get("done").asBoolean()).isTrue();
            List<String> ids = new ArrayList<>();
            list.get("records").forEach(j -> ids.add(j.get("id").asString()));
            assertThat(ids).contains(id);
        }

        @Test
        void results_are_read_with_the_api_version_of_the_job() throws Exception {
            String id = createJob("query", "SELECT Id FROM Account LIMIT 1");
            sf.awaitJob("query", id);
            assertThat(sf.get("/services/data/v60.0/jobs/query/" + id + "/results").statusCode()).isEqualTo(409);
        }
    }

    @Nested
    class Paging {
        @Test
        void locators_walk_all_rows_exactly_once() throws Exception {
            String id = createJob("query", "SELECT Id FROM Account");
            sf.awaitJob("query", id);
            Set<String> ids = new HashSet<>();
            int total = 0;
            String locator = "";
            int pages = 0;
            while (true) {
                HttpResponse<String> page = sf.get(V + "/jobs/query/" + id + "/results?maxRecords=100"
                        + (locator.isEmpty() ? "" : "&locator=" + locator));
                List<CSVRecord> rows = parse(page.body());
                assertThat(page.headers().firstValue("Sforce-NumberOfRecords")).contains(Integer.toString(rows.size()));
                rows.forEach(r -> ids.add(r.get("Id")));
                total += rows.size();
                pages++;
                locator = page.headers().firstValue("Sforce-Locator").orElseThrow();
                if (locator.equals("null")) {
                    break;
                }
            }
            assertThat(pages).isEqualTo(3);
            assertThat(total).isEqualTo(249);
            assertThat(ids).hasSize(249);
        }
    }

    @Nested
    class Refusals {
        @Test
        void bad_soql_is_refused_at_creation_with_the_soql_error() throws Exception {
            HttpResponse<String> r = sf.postJson(V + "/jobs/query", "{\"operation\":\"query\",\"query\":\"SELECT Nope FROM Account\"}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("INVALID_FIELD");
        }

        @Test
        void what_bulk_query_does_not_support_is_refused_at_creation() throws Exception {
            HttpResponse<String> r = sf.postJson(V + "/jobs/query", "{\"operation\":\"query\",\"query\":\"SELECT COUNT() FROM Account\"}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("API_ERROR");
        }

        @Test
        void an_unknown_operation_or_delimiter_is_an_invalid_job() throws Exception {
            assertThat(sf.postJson(V + "/jobs/query", "{\"operation\":\"select\",\"query\":\"SELECT Id FROM Account\"}").body())
                    .contains("INVALIDJOB");
            assertThat(sf.postJson(V + "/jobs/query",
                    "{\"operation\":\"query\",\"query\":\"SELECT Id FROM Account\",\"columnDelimiter\":\"DASH\"}").statusCode())
                    .isEqualTo(400);
        }

        @Test
        void bulk_calls_count_toward_the_daily_api_limit() throws Exception {
            long before = sf.org.apiUsage().used();
            sf.get(V + "/jobs/query");
            assertThat(sf.org.apiUsage().used()).isEqualTo(before + 1);
        }

        @Test
        void a_user_without_read_access_to_the_object_gets_invalid_type() throws Exception {
            try (BulkHttp minimal = new BulkHttp(EmulatorState.PROFILE_STANDARD)) {
                // Standard User reads Account but not Profile (a setup object without View Setup).
                HttpResponse<String> r = minimal.postJson(V + "/jobs/query",
                        "{\"operation\":\"query\",\"query\":\"SELECT Id FROM Profile\"}");
                assertThat(r.statusCode()).isEqualTo(400);
                assertThat(r.body()).contains("INVALID_TYPE");
            }
        }
    }

    @Test
    void pipe_delimited_crlf_results_follow_the_job_settings() throws Exception {
        HttpResponse<String> r = sf.postJson(V + "/jobs/query", "{\"operation\":\"query\",\"query\":\"SELECT Id, Name FROM Account WHERE Name = 'Account 7'\","
                + "\"columnDelimiter\":\"PIPE\",\"lineEnding\":\"CRLF\"}");
        String id = json(r).get("id").asString();
        sf.awaitJob("query", id);
        String body = sf.get(V + "/jobs/query/" + id + "/results").body();
        assertThat(body).startsWith("\"Id\"|\"Name\"\r\n").endsWith("|\"Account 7\"\r\n");
    }
}
