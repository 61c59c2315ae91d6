package dev.crosswalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.emulator.model.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A member of one organization reaches nothing of another: every {@code /api/v1} operation of
 * the OpenAPI document (so new endpoints are covered without touching this test) is called by an
 * Admin of another organization with this organization's ids in every path and query parameter.
 * Each answer is 403 or 404 when it names a foreign object, and no answer carries its data.
 */
class TenantIsolationIT extends AppIntegrationTest {
    private static final Pattern PATH_VAR = Pattern.compile("\\{([^}]+)}");

    @Autowired
    OrganizationService organizations;

    record Call(String method, String path, String body) {
    }

    @Test
    void an_admin_of_another_organization_gets_404_or_403_and_never_data_from_every_api_operation() {
        ApiClient acme = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        String secret = "Sweep-Secret-" + UUID.randomUUID().toString().substring(0, 8);
        TestOrg sf = SalesforceFixture.newOrg("Sweep Org");
        Record account = sf.addAccount(secret + " Account", secret.toLowerCase() + ".example");
        String integrationId = Syncs.connect(acme, sf);
        Syncs.awaitRun(acme, integrationId, 1);
        String runId = acme.get("/api/v1/integrations/" + integrationId + "/runs").json().get(0).get("id").asString();
        String memberEmail = secret.toLowerCase() + "@acme-test.example";
        String memberId = acme.post("/api/v1/members", Map.of("email", memberEmail, "password", "member-password-1",
                "role", "MANAGER")).json().get("id").asString();

        String otherEmail = "admin-" + UUID.randomUUID() + "@initrode-test.example";
        organizations.createOrganization("Initrode", otherEmail, "Initrode Admin", "initrode-password");
        ApiClient other = new ApiClient(baseUrl(), otherEmail, "initrode-password");

        Map<String, List<String>> foreign = new LinkedHashMap<>();
        List<String> allIds = List.of(integrationId, runId, memberId, account.id());
        foreign.put("id", allIds);
        foreign.put("runId", List.of(runId));
        foreign.put("integrationId", List.of(integrationId));
        foreign.put("memberId", List.of(memberId));
        foreign.put("object", List.of("Account"));
        foreign.put("sfId", List.of(account.id()));
        List<String> markers = List.of(secret, secret.toLowerCase(), ADMIN_EMAIL, sf.integrationUsername(), sf.org().id(),
                memberEmail);

        JsonNode api = acme.get("/v3/api-docs").json();
        List<Call> calls = new ArrayList<>();
        api.get("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/v1/")) {
                return;
            }
            path.getValue().properties().forEach(op -> calls.addAll(callsFor(api, path.getKey(), op.getKey(), op.getValue(),
                    foreign)));
        });
        assertThat(calls).as("the sweep found the API").hasSizeGreaterThan(15);

        List<String> leaks = new ArrayList<>();
        for (Call c : calls) {
            ApiClient.Reply r = switch (c.method()) {
                case "get" -> other.get(c.path());
                case "delete" -> other.delete(c.path());
                case "post" -> other.post(c.path(), JsonBody.of(c.body()));
                case "put" -> other.put(c.path(), JsonBody.of(c.body()));
                case "patch" -> other.patch(c.path(), JsonBody.of(c.body()));
                default -> throw new IllegalStateException(c.method());
            };
            boolean namesForeignObject = allIds.stream().anyMatch(id -> c.path().contains("/" + id));
            if (namesForeignObject && r.status() != 404 && r.status() != 403) {
                leaks.add(c.method().toUpperCase() + " " + c.path() + " → " + r.status() + " " + r.body());
            }
            markers.stream().filter(r.body()::contains)
                    .forEach(m -> leaks.add(c.method().toUpperCase() + " " + c.path() + " → leaks " + m + ": " + r.body()));
        }
        assertThat(leaks).isEmpty();

        // Nothing of Acme changed on the way.
        assertThat(acme.get("/api/v1/integrations/" + integrationId).status()).isEqualTo(200);
        assertThat(acme.get("/api/v1/records/Account/" + account.id()).json().get("fields").get("Name").asString())
                .isEqualTo(secret + " Account");
        assertThat(acme.get("/api/v1/members").body()).contains(memberEmail).contains("MANAGER");
    }

    /** One call per combination of foreign values for the operation's path variables; query parameters filled too. */
    private static List<Call> callsFor(JsonNode api, String template, String method, JsonNode op,
            Map<String, List<String>> foreign) {
        List<String> paths = new ArrayList<>(List.of(template));
        Matcher m = PATH_VAR.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            List<String> values = foreign.containsKey(name) && !name.equals("id") ? foreign.get(name)
                    : foreign.get("id").stream().filter(v -> !isUuid(op, name) || v.length() == 36).toList();
            List<String> next = new ArrayList<>();
            for (String p : paths) {
                for (String v : values) {
                    next.add(p.replace("{" + name + "}", v));
                }
            }
            paths = next;
        }
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.path("parameters")) {
            if ("query".equals(p.path("in").asString()) && foreign.containsKey(p.get("name").asString())) {
                query.append(query.isEmpty() ? "?" : "&").append(p.get("name").asString()).append('=')
                        .append(foreign.get(p.get("name").asString()).get(0));
            }
        }
        JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
        String body = schema.isMissingNode() ? "{}" : JsonBody.sample(api, schema, 0).toString();
        return paths.stream().map(p -> new Call(method, p + query, body)).toList();
    }

    private static boolean isUuid(JsonNode op, String pathVariable) {
        for (JsonNode p : op.path("parameters")) {
            if (p.path("name").asString().equals(pathVariable)) {
                return "uuid".equals(p.path("schema").path("format").asString());
            }
        }
        return false;
    }

    /** A plausible request body from the operation's schema, so requests reach the service rather than fail parsing. */
    static final class JsonBody {
        private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

        static Object of(String body) {
            return JSON.readValue(body, Object.class);
        }

        static JsonNode sample(JsonNode api, JsonNode schema, int depth) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            if (schema.has("$ref")) {
                String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
                return depth > 4 ? f.nullNode() : sample(api, api.get("components").get("schemas").get(name), depth + 1);
            }
            if (schema.has("enum")) {
                return f.stringNode(schema.get("enum").get(0).asString());
            }
            return switch (schema.path("type").asString("object")) {
                case "string" -> f.stringNode(switch (schema.path("format").asString("")) {
                    case "email" -> "sweep-" + UUID.randomUUID() + "@initrode-test.example";
                    case "uuid" -> UUID.randomUUID().toString();
                    default -> "sweep-value-1";
                });
                case "integer", "number" -> f.numberNode(1);
                case "boolean" -> f.booleanNode(false);
                case "array" -> f.arrayNode();
                default -> {
                    ObjectNode o = f.objectNode();
                    schema.path("properties").properties().forEach(e -> o.set(e.getKey(), sample(api, e.getValue(), depth + 1)));
                    yield o;
                }
            };
        }
    }
}
