package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.ObjectAccess;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The read side of the REST API over HTTP: discovery, describe, query paging, limits and the gate's errors. */
class RestReadIT {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String V = "/services/data/v59.0";

    private static SalesforceEmulator sf;
    private static EmulatorState state;
    private static Org org;
    private static String adminId;
    /** Read on Account with field-level security (Industry readable, Website hidden); nothing on Lead. */
    private static String readerId;
    private static String readerPsId;
    private static String noApiId;
    private static String accountId;

    @BeforeAll
    static void start() {
        sf = SalesforceEmulator.start(EmulatorOptions.builder().port(0).clock(CLOCK).apiVersions(31, 66)
                .dailyApiRequests(50_000).build());
        state = sf.state();
        org = state.createOrg("Read Co");
        adminId = state.createUser(org, new NewUser("admin@read.example", "Ada", "Admin", "admin@read.example",
                EmulatorState.PROFILE_ADMIN), "pw");
        String readerProfile = PermissionAdmin.createProfile(org, "Reader", Map.of("PermissionsApiEnabled", true));
        readerPsId = PermissionAdmin.profilePermissionSetId(org, readerProfile);
        PermissionAdmin.setObjectPermissions(org, readerPsId, "Account", ObjectAccess.READ);
        PermissionAdmin.setFieldPermission(org, readerPsId, "Account.Industry", true, false);
        readerId = state.createUser(org, new NewUser("reader@read.example", "Rita", "Reader", "reader@read.example",
                "Reader"), "pw");
        noApiId = state.createUser(org, new NewUser("noapi@read.example", "Nora", "NoApi", "noapi@read.example",
                EmulatorState.PROFILE_MINIMUM), "pw");
        accountId = org.write(() -> {
            SObjectType t = org.type("Account").orElseThrow();
            Record a = RecordLifecycle.create(org, t, adminId);
            a.set(t.require("Name"), "Acme");
            a.set(t.require("Industry"), "Technology");
            a.set(t.require("Website"), "https://acme.example");
            return a.id();
        });
    }

    @AfterAll
    static void stop() {
        sf.close();
    }

    @Nested
    class Discovery {
        @Test
        void the_versions_list_needs_no_session_and_is_not_billed() throws Exception {
            long used = org.apiUsage().used();
            HttpResponse<String> r = get("/services/data", null, Map.of());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode list = json(r);
            assertThat(list.size()).isEqualTo(66 - 31 + 1);
            assertThat(list.get(0).get("version").asString()).isEqualTo("31.0");
            assertThat(list.get(list.size() - 1).get("version").asString()).isEqualTo("66.0");
            JsonNode v59 = list.get(59 - 31);
            assertThat(v59.get("label").asString()).isEqualTo("Winter '24");
            assertThat(v59.get("url").asString()).isEqualTo("/services/data/v59.0");
            assertThat(r.headers().firstValue("Sforce-Limit-Info")).isEmpty();
            assertThat(org.apiUsage().used()).isEqualTo(used);
        }

        @Test
        void a_version_lists_its_resources_and_the_identity_url() throws Exception {
            HttpResponse<String> r = get(V, token(adminId), Map.of());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode n = json(r);
            for (String k : List.of("sobjects", "query", "queryAll", "limits", "composite", "search", "recent")) {
                assertThat(n.get(k).asString()).isEqualTo(V + "/" + k);
            }
            assertThat(n.get("identity").asString()).isEqualTo(sf.baseUrl() + "/id/" + org.id() + "/" + adminId);
            // Only resources that answer are listed: the Bulk 2.0 root /jobs itself serves nothing.
            assertThat(n.has("jobs")).isFalse();
        }

        @Test
        void a_doubled_leading_slash_is_served_like_salesforce_does_for_instance_urls_ending_in_a_slash() throws Exception {
            assertThat(get("//services/data", null, Map.of()).statusCode()).isEqualTo(200);
            HttpResponse<String> r = get("/" + V + "/query?q=" + enc("SELECT COUNT() FROM Account"), token(adminId), Map.of());
            assertThat(r.statusCode()).isEqualTo(200);
        }

        @Test
        void a_version_below_the_supported_range_is_not_found() throws Exception {
            assertError(get("/services/data/v30.0/sobjects", token(adminId), Map.of()), 404, "NOT_FOUND");
        }

        @Test
        void a_version_without_the_minor_part_is_not_found() throws Exception {
            assertError(get("/services/data/v59/sobjects", token(adminId), Map.of()), 404, "NOT_FOUND");
        }

        @Test
        void a_bad_token_is_an_invalid_session() throws Exception {
            HttpResponse<String> r = get(V + "/sobjects", org.id().substring(0, 15) + "!nonsense", Map.of());
            assertError(r, 401, "INVALID_SESSION_ID");
            assertThat(json(r).get(0).get("message").asString()).isEqualTo("Session expired or invalid");
        }

        @Test
        void a_user_without_api_enabled_is_refused() throws Exception {
            assertError(get(V + "/sobjects", token(noApiId), Map.of()), 403, "API_DISABLED_FOR_ORG");
        }
    }

    @Nested
    class DescribeGlobal {
        @Test
        void lists_only_objects_the_user_can_read() throws Exception {
            JsonNode n = json(get(V + "/sobjects", token(readerId), Map.of()));
            assertThat(n.get("encoding").asString()).isEqualTo("UTF-8");
            assertThat(n.get("maxBatchSize").asInt()).isEqualTo(200);
            List<String> names = names(n.get("sobjects"));
            assertThat(names).contains("Account", "User", "Organization").doesNotContain("Lead", "Contact", "PermissionSet");
            assertThat(names(json(get(V + "/sobjects", token(adminId), Map.of())).get("sobjects")))
                    .contains("Account", "Lead", "PermissionSet", "ObjectPermissions");
        }

        @Test
        void entries_carry_the_users_object_permissions_and_urls() throws Exception {
            JsonNode account = entry(json(get(V + "/sobjects", token(readerId), Map.of())).get("sobjects"), "Account");
            assertThat(account.get("queryable").asBoolean()).isTrue();
            assertThat(account.get("createable").asBoolean()).isFalse();
            assertThat(account.get("updateable").asBoolean()).isFalse();
            assertThat(account.get("deletable").asBoolean()).isFalse();
            assertThat(account.get("keyPrefix").asString()).isEqualTo("001");
            assertThat(account.get("labelPlural").asString()).isEqualTo("Accounts");
            assertThat(account.get("urls").get("rowTemplate").asString()).isEqualTo(V + "/sobjects/Account/{ID}");
            JsonNode adminAccount = entry(json(get(V + "/sobjects", token(adminId), Map.of())).get("sobjects"), "Account");
            assertThat(adminAccount.get("createable").asBoolean()).isTrue();
            assertThat(adminAccount.get("deletable").asBoolean()).isTrue();
        }

        @Test
        void if_modified_since_answers_304_until_the_users_view_changes() throws Exception {
            String profile = PermissionAdmin.createProfile(org, "Watcher", Map.of("PermissionsApiEnabled", true));
            String ps = PermissionAdmin.profilePermissionSetId(org, profile);
            PermissionAdmin.setObjectPermissions(org, ps, "Account", ObjectAccess.READ);
            String watcher = state.createUser(org, new NewUser("watcher@read.example", "W", "Watcher",
                    "watcher@read.example", "Watcher"), "pw");
            assertThat(get(V + "/sobjects", token(watcher), Map.of()).statusCode()).isEqualTo(200);
            CLOCK.advance(Duration.ofMinutes(10));
            String fiveMinutesAgo = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    CLOCK.instant().minus(Duration.ofMinutes(5)).atZone(ZoneOffset.UTC));
            Map<String, String> ims = Map.of("If-Modified-Since", fiveMinutesAgo);

            HttpResponse<String> unchanged = get(V + "/sobjects", token(watcher), ims);
            assertThat(unchanged.statusCode()).isEqualTo(304);
            assertThat(unchanged.body()).isEmpty();

            PermissionAdmin.setObjectPermissions(org, ps, "Lead", ObjectAccess.READ);
            HttpResponse<String> changed = get(V + "/sobjects", token(watcher), ims);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(names(json(changed).get("sobjects"))).contains("Lead");
        }
    }

    @Nested
    class Describe {
        @Test
        void an_object_the_user_cannot_read_does_not_exist() throws Exception {
            HttpResponse<String> r = get(V + "/sobjects/Lead/describe", token(readerId), Map.of());
            assertError(r, 404, "NOT_FOUND");
            assertThat(json(r).get(0).get("message").asString()).isEqualTo("The requested resource does not exist");
            assertError(get(V + "/sobjects/Lead", token(readerId), Map.of()), 404, "NOT_FOUND");
            assertError(get(V + "/sobjects/NoSuchThing__c/describe", token(adminId), Map.of()), 404, "NOT_FOUND");
        }

        @Test
        void fields_hidden_by_field_level_security_are_absent_and_read_only_fields_are_not_createable() throws Exception {
            JsonNode d = json(get(V + "/sobjects/account/describe", token(readerId), Map.of()));
            assertThat(d.get("name").asString()).isEqualTo("Account");
            List<String> fields = names(d.get("fields"));
            assertThat(fields).contains("Id", "Name", "Industry", "OwnerId", "SystemModstamp").doesNotContain("Website");
            JsonNode industry = entry(d.get("fields"), "Industry");
            assertThat(industry.get("createable").asBoolean()).isFalse();
            assertThat(industry.get("updateable").asBoolean()).isFalse();
            JsonNode adminIndustry = entry(json(get(V + "/sobjects/Account/describe", token(adminId), Map.of()))
                    .get("fields"), "Industry");
            assertThat(adminIndustry.get("createable").asBoolean()).isTrue();
            assertThat(adminIndustry.get("updateable").asBoolean()).isTrue();
        }

        @Test
        void fields_carry_salesforce_metadata() throws Exception {
            JsonNode d = json(get(V + "/sobjects/Account/describe", token(adminId), Map.of()));
            JsonNode id = entry(d.get("fields"), "Id");
            assertThat(id.get("type").asString()).isEqualTo("id");
            assertThat(id.get("soapType").asString()).isEqualTo("tns:ID");
            assertThat(id.get("length").asInt()).isEqualTo(18);
            assertThat(id.get("createable").asBoolean()).isFalse();
            assertThat(id.get("nillable").asBoolean()).isFalse();
            assertThat(id.get("idLookup").asBoolean()).isTrue();
            JsonNode name = entry(d.get("fields"), "Name");
            assertThat(name.get("byteLength").asInt()).isEqualTo(765);
            assertThat(name.get("nillable").asBoolean()).isFalse();
            assertThat(name.get("nameField").asBoolean()).isTrue();
            assertThat(name.get("filterable").asBoolean()).isTrue();
            JsonNode description = entry(d.get("fields"), "Description");
            assertThat(description.get("type").asString()).isEqualTo("textarea");
            assertThat(description.get("filterable").asBoolean()).isFalse();
            assertThat(description.get("sortable").asBoolean()).isFalse();
            JsonNode industry = entry(d.get("fields"), "Industry");
            assertThat(industry.get("picklistValues").get(0).propertyNames())
                    .containsExactly("active", "defaultValue", "label", "validFor", "value");
            JsonNode owner = entry(d.get("fields"), "OwnerId");
            assertThat(owner.get("referenceTo").get(0).asString()).isEqualTo("User");
            assertThat(owner.get("relationshipName").asString()).isEqualTo("Owner");
            JsonNode employees = entry(d.get("fields"), "NumberOfEmployees");
            assertThat(employees.get("type").asString()).isEqualTo("int");
            assertThat(employees.get("digits").asInt()).isEqualTo(8);
            JsonNode modstamp = entry(d.get("fields"), "SystemModstamp");
            assertThat(modstamp.get("createable").asBoolean()).isFalse();
            assertThat(modstamp.get("updateable").asBoolean()).isFalse();
        }

        @Test
        void lists_child_relationships_record_types_and_urls() throws Exception {
            JsonNode d = json(get(V + "/sobjects/Account/describe", token(adminId), Map.of()));
            List<String> children = new ArrayList<>();
            d.get("childRelationships").forEach(c -> {
                if (!c.get("relationshipName").isNull()) {
                    children.add(c.get("childSObject").asString() + "." + c.get("field").asString() + "="
                            + c.get("relationshipName").asString());
                }
            });
            assertThat(children).contains("Contact.AccountId=Contacts", "Opportunity.AccountId=Opportunities");
            JsonNode master = d.get("recordTypeInfos").get(0);
            assertThat(master.get("recordTypeId").asString()).isEqualTo("012000000000000AAA");
            assertThat(master.get("master").asBoolean()).isTrue();
            assertThat(d.get("urls").get("describe").asString()).isEqualTo(V + "/sobjects/Account/describe");
            // The reader cannot see Contact or Opportunity, so their relationships are not listed.
            JsonNode readerView = json(get(V + "/sobjects/Account/describe", token(readerId), Map.of()));
            List<String> readerChildren = new ArrayList<>();
            readerView.get("childRelationships").forEach(c -> readerChildren.add(c.get("childSObject").asString()));
            assertThat(readerChildren).doesNotContain("Contact", "Opportunity");
        }

        @Test
        void basic_info_wraps_the_global_entry() throws Exception {
            JsonNode n = json(get(V + "/sobjects/Account", token(readerId), Map.of()));
            assertThat(n.get("objectDescribe").get("name").asString()).isEqualTo("Account");
            assertThat(n.get("objectDescribe").get("queryable").asBoolean()).isTrue();
            assertThat(n.get("recentItems").isArray()).isTrue();
            assertThat(n.get("recentItems").size()).isZero();
        }
    }

    @Nested
    class Query {
        @Test
        void returns_records_with_attributes_and_nested_parents() throws Exception {
            JsonNode n = json(query(token(adminId), "SELECT Id, Name, Owner.Name FROM Account WHERE Id = '" + accountId + "'"));
            assertThat(n.get("totalSize").asInt()).isEqualTo(1);
            assertThat(n.get("done").asBoolean()).isTrue();
            assertThat(n.has("nextRecordsUrl")).isFalse();
            JsonNode rec = n.get("records").get(0);
            assertThat(rec.get("attributes").get("url").asString()).isEqualTo(V + "/sobjects/Account/" + accountId);
            assertThat(rec.get("Name").asString()).isEqualTo("Acme");
            assertThat(rec.get("Owner").get("attributes").get("type").asString()).isEqualTo("User");
            assertThat(rec.get("Owner").get("Name").asString()).isEqualTo("Ada Admin");
        }

        @Test
        void columns_true_describes_the_columns_with_parents_grouped_under_their_relationship() throws Exception {
            JsonNode n = json(get(V + "/query?columns=true&q=" + enc("SELECT Id, Name, Owner.Name, Owner.Email FROM Account"),
                    token(adminId), Map.of()));
            assertThat(n.get("entityName").asString()).isEqualTo("Account");
            assertThat(n.get("idSelected").asBoolean()).isTrue();
            JsonNode cols = n.get("columnMetadata");
            assertThat(cols.size()).isEqualTo(3);
            assertThat(cols.get(0).get("columnName").asString()).isEqualTo("Id");
            assertThat(cols.get(0).get("apexType").asString()).isEqualTo("Id");
            JsonNode owner = cols.get(2);
            assertThat(owner.get("columnName").asString()).isEqualTo("Owner");
            assertThat(owner.get("joinColumns").size()).isEqualTo(2);
            assertThat(owner.get("joinColumns").get(1).get("columnName").asString()).isEqualTo("Email");
            assertThat(owner.get("joinColumns").get(1).get("displayName").asString()).isEqualTo("Owner.Email");
            JsonNode count = json(get(V + "/query?columns=true&q=" + enc("SELECT COUNT() FROM Account"), token(adminId), Map.of()));
            assertThat(count.get("columnMetadata").size()).isZero();
            JsonNode agg = json(get(V + "/query?columns=true&q=" + enc("SELECT COUNT(Id) FROM Account"), token(adminId), Map.of()));
            assertThat(agg.get("columnMetadata").get(0).get("aggregate").asBoolean()).isTrue();
            assertThat(agg.get("columnMetadata").get(0).get("columnName").asString()).isEqualTo("expr0");
        }

        @Test
        void an_object_without_read_access_is_an_invalid_type() throws Exception {
            assertError(query(token(readerId), "SELECT Id FROM Lead"), 400, "INVALID_TYPE");
        }

        @Test
        void a_field_hidden_by_field_level_security_is_an_invalid_field() throws Exception {
            assertError(query(token(readerId), "SELECT Id, Website FROM Account"), 400, "INVALID_FIELD");
            JsonNode ok = json(query(token(readerId), "SELECT Id, Industry FROM Account WHERE Id = '" + accountId + "'"));
            assertThat(ok.get("records").get(0).get("Industry").asString()).isEqualTo("Technology");
        }

        @Test
        void a_syntax_error_is_a_malformed_query_and_a_missing_query_too() throws Exception {
            assertError(query(token(adminId), "SELECT FROM Account"), 400, "MALFORMED_QUERY");
            assertError(get(V + "/query", token(adminId), Map.of()), 400, "MALFORMED_QUERY");
        }

        @Test
        void count_returns_the_total_with_no_records_and_count_of_a_field_an_aggregate_result() throws Exception {
            JsonNode count = json(query(token(adminId),
                    "SELECT COUNT() FROM User WHERE Username IN ('admin@read.example', 'reader@read.example')"));
            assertThat(count.get("totalSize").asInt()).isEqualTo(2);
            assertThat(count.get("done").asBoolean()).isTrue();
            assertThat(count.get("records").size()).isZero();
            JsonNode agg = json(query(token(adminId), "SELECT COUNT(Id) FROM User"));
            assertThat(agg.get("totalSize").asInt()).isEqualTo(1);
            JsonNode row = agg.get("records").get(0);
            assertThat(row.get("attributes").get("type").asString()).isEqualTo("AggregateResult");
            assertThat(row.get("expr0").asInt()).isGreaterThanOrEqualTo(3);
        }
    }

    @Nested
    class Paging {
        private static Org bigOrg;
        private static String bigAdmin;
        private static final int TOTAL = 5_003;

        @BeforeAll
        static void seed() {
            bigOrg = state.createOrg("Paging Co");
            bigAdmin = state.createUser(bigOrg, new NewUser("admin@paging.example", "Pat", "Paging",
                    "admin@paging.example", EmulatorState.PROFILE_ADMIN), "pw");
            bigOrg.writeRun(() -> {
                SObjectType t = bigOrg.type("Account").orElseThrow();
                for (int i = 0; i < TOTAL; i++) {
                    Record a = RecordLifecycle.create(bigOrg, t, bigAdmin);
                    a.set(t.require("Name"), "Company " + i);
                    if (i % 10 == 0) {
                        RecordLifecycle.softDelete(bigOrg, t, a, bigAdmin);
                    }
                }
            });
        }

        @Test
        void default_pages_hold_2000_rows_and_the_next_url_carries_the_offset() throws Exception {
            JsonNode first = json(query(token(bigOrg, bigAdmin), "SELECT Id FROM Account"));
            int live = TOTAL - (TOTAL + 9) / 10;
            assertThat(first.get("totalSize").asInt()).isEqualTo(live);
            assertThat(first.get("done").asBoolean()).isFalse();
            assertThat(first.get("records").size()).isEqualTo(2000);
            assertThat(first.get("nextRecordsUrl").asString()).matches("/services/data/v59\\.0/query/01g[0-9A-Za-z]{15}-2000");
        }

        @Test
        void batch_size_pages_cover_every_row_exactly_once() throws Exception {
            String tok = token(bigOrg, bigAdmin);
            Map<String, String> opts = Map.of("Sforce-Query-Options", "batchSize=1000");
            JsonNode page = json(query(tok, "SELECT Id, Name FROM Account ORDER BY Name", opts));
            int live = TOTAL - (TOTAL + 9) / 10;
            List<String> ids = new ArrayList<>();
            int pages = 1;
            page.get("records").forEach(r -> ids.add(r.get("Id").asString()));
            assertThat(page.get("records").size()).isEqualTo(1000);
            while (!page.get("done").asBoolean()) {
                HttpResponse<String> r = get(page.get("nextRecordsUrl").asString(), tok, opts);
                assertThat(r.statusCode()).isEqualTo(200);
                page = json(r);
                assertThat(page.get("totalSize").asInt()).isEqualTo(live);
                page.get("records").forEach(rec -> ids.add(rec.get("Id").asString()));
                pages++;
            }
            assertThat(page.has("nextRecordsUrl")).isFalse();
            assertThat(ids).hasSize(live);
            assertThat(new HashSet<>(ids)).hasSize(live);
            assertThat(pages).isEqualTo((live + 999) / 1000);
        }

        @Test
        void batch_sizes_outside_200_to_2000_are_clamped() throws Exception {
            String tok = token(bigOrg, bigAdmin);
            assertThat(json(query(tok, "SELECT Id FROM Account", Map.of("Sforce-Query-Options", "batchSize=5")))
                    .get("records").size()).isEqualTo(200);
            assertThat(json(query(tok, "SELECT Id FROM Account", Map.of("Sforce-Query-Options", "batchSize=9000")))
                    .get("records").size()).isEqualTo(2000);
        }

        @Test
        void query_all_includes_the_recycle_bin_and_its_cursor_keeps_doing_so() throws Exception {
            String tok = token(bigOrg, bigAdmin);
            JsonNode first = json(get(V + "/queryAll?q=" + enc("SELECT Id, IsDeleted FROM Account"), tok, Map.of()));
            assertThat(first.get("totalSize").asInt()).isEqualTo(TOTAL);
            String next = first.get("nextRecordsUrl").asString();
            assertThat(next).contains("/query/");
            int deleted = 0;
            JsonNode page = first;
            while (true) {
                for (JsonNode r : page.get("records")) {
                    deleted += r.get("IsDeleted").asBoolean() ? 1 : 0;
                }
                if (page.get("done").asBoolean()) {
                    break;
                }
                page = json(get(page.get("nextRecordsUrl").asString().replace("/query/", "/queryAll/"), tok, Map.of()));
            }
            assertThat(deleted).isEqualTo((TOTAL + 9) / 10);
            JsonNode plain = json(query(tok, "SELECT COUNT() FROM Account WHERE IsDeleted = true"));
            assertThat(plain.get("totalSize").asInt()).isZero();
        }

        @Test
        void a_locator_of_another_user_is_invalid() throws Exception {
            String other = state.createUser(bigOrg, new NewUser("other@paging.example", "O", "Other",
                    "other@paging.example", EmulatorState.PROFILE_ADMIN), "pw");
            String next = json(query(token(bigOrg, bigAdmin), "SELECT Id FROM Account")).get("nextRecordsUrl").asString();
            assertError(get(next, token(bigOrg, other), Map.of()), 400, "INVALID_QUERY_LOCATOR");
            assertError(get(V + "/query/01gRx0000000zzzAAA-2000", token(bigOrg, bigAdmin), Map.of()), 400,
                    "INVALID_QUERY_LOCATOR");
        }

        @Test
        void an_eleventh_open_cursor_releases_the_users_least_recently_used_one() throws Exception {
            String user = state.createUser(bigOrg, new NewUser("cursors@paging.example", "C", "Cursors",
                    "cursors@paging.example", EmulatorState.PROFILE_ADMIN), "pw");
            String tok = token(bigOrg, user);
            List<String> next = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                next.add(json(query(tok, "SELECT Id FROM Account")).get("nextRecordsUrl").asString());
            }
            assertError(get(next.get(0), tok, Map.of()), 400, "INVALID_QUERY_LOCATOR");
            for (int i = 1; i < 11; i++) {
                assertThat(get(next.get(i), tok, Map.of()).statusCode()).isEqualTo(200);
            }
        }

        @Test
        void a_cursor_expires_after_15_minutes_without_use() throws Exception {
            String tok = token(bigOrg, bigAdmin);
            String next = json(query(tok, "SELECT Id FROM Account", Map.of("Sforce-Query-Options", "batchSize=200")))
                    .get("nextRecordsUrl").asString();
            CLOCK.advance(Duration.ofMinutes(14));
            JsonNode second = json(get(next, tok, Map.of()));
            assertThat(second.get("records").size()).isEqualTo(200);
            CLOCK.advance(Duration.ofMinutes(16));
            assertError(get(second.get("nextRecordsUrl").asString(), tok, Map.of()), 400, "INVALID_QUERY_LOCATOR");
        }
    }

    @Nested
    class Limits {
        @Test
        void reports_the_daily_allocation_consistent_with_the_limit_header() throws Exception {
            HttpResponse<String> r = get(V + "/limits", token(adminId), Map.of());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode daily = json(r).get("DailyApiRequests");
            assertThat(daily.get("Max").asLong()).isEqualTo(50_000);
            String header = r.headers().firstValue("Sforce-Limit-Info").orElseThrow();
            assertThat(header).isEqualTo("api-usage=" + (50_000 - daily.get("Remaining").asLong()) + "/50000");
            for (String k : List.of("DailyBulkApiBatches", "DailyBulkV2QueryJobs", "DailyBulkV2QueryFileStorageMB",
                    "DataStorageMB", "FileStorageMB", "ConcurrentAsyncGetReportInstances")) {
                assertThat(json(r).get(k).get("Max").isNumber()).as(k).isTrue();
            }
        }

        @Test
        void every_billable_call_counts_and_carries_the_limit_header() throws Exception {
            String tok = token(adminId);
            long before = org.apiUsage().used();
            HttpResponse<String> r = get(V + "/sobjects", tok, Map.of());
            assertThat(org.apiUsage().used()).isEqualTo(before + 1);
            assertThat(r.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=" + (before + 1) + "/50000");
            HttpResponse<String> failed = query(tok, "SELECT Nope FROM Account");
            assertThat(failed.headers().firstValue("Sforce-Limit-Info")).isPresent();
        }

        @Test
        void requires_view_setup() throws Exception {
            assertError(get(V + "/limits", token(readerId), Map.of()), 403, "INSUFFICIENT_ACCESS");
        }

        @Test
        void an_exhausted_allocation_refuses_calls_with_request_limit_exceeded() throws Exception {
            Org busy = state.createOrg("Busy Co");
            String user = state.createUser(busy, new NewUser("admin@busy.example", "B", "Busy", "admin@busy.example",
                    EmulatorState.PROFILE_ADMIN), "pw");
            busy.apiUsage().used(busy.apiUsage().max());
            HttpResponse<String> r = get(V + "/limits", token(busy, user), Map.of());
            assertError(r, 403, "REQUEST_LIMIT_EXCEEDED");
            assertThat(json(r).get(0).get("message").asString()).isEqualTo("TotalRequests Limit exceeded.");
            // The versions list is free, so it keeps working.
            assertThat(get("/services/data", null, Map.of()).statusCode()).isEqualTo(200);
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private static String token(String userId) {
        return token(org, userId);
    }

    private static String token(Org o, String userId) {
        return state.tokens().issueSession(o, userId, "test", Set.of("api"), null).token();
    }

    private static HttpResponse<String> query(String token, String soql) throws Exception {
        return query(token, soql, Map.of());
    }

    private static HttpResponse<String> query(String token, String soql, Map<String, String> headers) throws Exception {
        return get(V + "/query?q=" + enc(soql), token, headers);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String path, String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sf.baseUrl() + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.parse(r.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(HttpResponse<String> r, int status, String errorCode) {
        assertThat(r.statusCode()).as(r.body().length() > 300 ? r.body().substring(0, 300) : r.body()).isEqualTo(status);
        JsonNode body = json(r);
        assertThat(body.isArray()).isTrue();
        assertThat(body.get(0).get("errorCode").asString()).isEqualTo(errorCode);
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("name").asString()));
        return out;
    }

    private static JsonNode entry(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.get("name").asString().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no entry " + name);
    }
}
