package dev.crosswalk.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.http.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The admin API's faults as a Salesforce client experiences them, over real OAuth and REST calls. */
class AdminFaultScenariosIT {
    private static final String INTEGRATION = "integration@acme.example";
    @AutoClose
    private static final SalesforceEmulator sf = SalesforceEmulator.start(EmulatorOptions.builder().port(0).seed("demo").build());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterEach
    void restore() {
        sf.admin().clearFaults();
        sf.admin().setUserActive(INTEGRATION, true);
        sf.admin().setApiEnabled(INTEGRATION, true);
        sf.admin().assignPermissionSet(INTEGRATION, "Crosswalk_Integration");
        sf.admin().setApiLimit("Acme Corp", 100_000L, 0L);
    }

    record Reply(int status, String body) {
        JsonNode json() {
            return Json.parse(body.getBytes(StandardCharsets.UTF_8));
        }

        String errorCode() {
            return json().get(0).get("errorCode").stringValue();
        }
    }

    private static Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    private static Reply login(String username) throws Exception {
        String form = "grant_type=password&client_id=crosswalk-local&client_secret=crosswalk-local-secret&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode("Passw0rd!", StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(sf.baseUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String token(String username) throws Exception {
        Reply r = login(username);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("access_token").stringValue();
    }

    private static Reply query(String token, String soql) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(sf.baseUrl() + "/services/data/v60.0/query?q="
                + URLEncoder.encode(soql, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token).build());
    }

    private static final String COUNT_ACCOUNTS = "SELECT COUNT() FROM Account";

    @Test
    void the_integration_user_reads_the_seeded_accounts_and_leads() throws Exception {
        String token = token(INTEGRATION);
        assertThat(query(token, COUNT_ACCOUNTS).json().get("totalSize").asInt()).isEqualTo(5_000);
        assertThat(query(token, "SELECT COUNT() FROM Lead").json().get("totalSize").asInt()).isEqualTo(5_000);
    }

    @Test
    void the_no_leads_user_is_refused_on_lead_but_reads_accounts() throws Exception {
        String token = token("noleads@acme.example");
        assertThat(query(token, COUNT_ACCOUNTS).status()).isEqualTo(200);
        Reply leads = query(token, "SELECT Id FROM Lead");
        assertThat(leads.status()).isEqualTo(400);
        assertThat(leads.errorCode()).isEqualTo("INVALID_TYPE");
    }

    @Test
    void an_expired_session_answers_invalid_session_id() throws Exception {
        String token = token(INTEGRATION);
        sf.admin().expireSessions(INTEGRATION);
        Reply r = query(token, COUNT_ACCOUNTS);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("INVALID_SESSION_ID");
    }

    @Test
    void a_deactivated_user_cannot_log_in() throws Exception {
        sf.admin().setUserActive(INTEGRATION, false);
        Reply r = login(INTEGRATION);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").stringValue()).isEqualTo("invalid_grant");
    }

    @Test
    void api_disabled_per_user_or_by_losing_the_permission_set_answers_api_disabled() throws Exception {
        String token = token(INTEGRATION);
        sf.admin().setApiEnabled(INTEGRATION, false);
        assertThat(query(token, COUNT_ACCOUNTS).errorCode()).isEqualTo("API_DISABLED_FOR_ORG");
        sf.admin().setApiEnabled(INTEGRATION, true);
        assertThat(query(token, COUNT_ACCOUNTS).status()).isEqualTo(200);

        sf.admin().unassignPermissionSet(INTEGRATION, "Crosswalk_Integration");
        Reply r = query(token, COUNT_ACCOUNTS);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("API_DISABLED_FOR_ORG");
    }

    @Test
    void an_exhausted_daily_limit_answers_request_limit_exceeded() throws Exception {
        String token = token(INTEGRATION);
        sf.admin().setApiLimit("Acme Corp", 50L, 50L);
        Reply r = query(token, COUNT_ACCOUNTS);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
    }

    @Test
    void revoking_read_on_lead_refuses_lead_queries_until_granted_again() throws Exception {
        String token = token(INTEGRATION);
        PermissionSetRef ps = PermissionSetRef.named("Acme Corp", "Crosswalk_Integration");
        sf.admin().revokeObjectPermissions(ps, "Lead", java.util.EnumSet.of(ObjectPermission.READ));
        assertThat(query(token, "SELECT Id FROM Lead LIMIT 1").status()).isEqualTo(400);
        sf.admin().grantObjectPermissions(ps, "Lead", java.util.EnumSet.of(ObjectPermission.READ));
        assertThat(query(token, "SELECT Id FROM Lead LIMIT 1").status()).isEqualTo(200);
    }

    @Test
    void an_injected_unable_to_lock_row_hits_the_next_matching_call_only() throws Exception {
        String token = token(INTEGRATION);
        sf.admin().failNext(1, "/services/data/v60.0/query", 400, "UNABLE_TO_LOCK_ROW", null);
        Reply failed = query(token, COUNT_ACCOUNTS);
        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.errorCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(query(token, COUNT_ACCOUNTS).status()).isEqualTo(200);
    }
}
