package dev.crosswalk.salesforce;

import dev.crosswalk.salesforce.PreflightReport.Line;
import dev.crosswalk.salesforce.PreflightReport.Status;
import dev.crosswalk.salesforce.Requirement.Access;
import dev.crosswalk.salesforce.internal.Json;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that the connected (integration) user has what Crosswalk needs and says, for each
 * requirement, PASS / FAIL / UNKNOWN, the evidence, and the fix in an admin's words.
 *
 * <p>Describe first: it is one cheap call and already filtered by the user's object and field
 * access. Permission objects ({@code PermissionSetAssignment}, {@code SetupEntityAccess},
 * {@code ApexPage}) only for what describe cannot show. A failed requirement is a line, never an
 * exception; only transport and authentication failures throw (a deactivated user or disabled API
 * is reported as a FAIL line, because that is what the admin has to fix).
 */
public final class PermissionPreflight {

    private final SalesforceConnection connection;

    PermissionPreflight(SalesforceConnection connection) {
        this.connection = connection;
    }

    public PreflightReport run(List<Requirement> requirements) {
        return new Run(requirements).execute();
    }

    /** One preflight run: caches what it learnt so that each fact is fetched once. */
    private final class Run {
        private final List<Requirement> requirements;
        private final RestApi rest = connection.rest();
        private String username;
        private String userId;
        private List<SObjectSummary> global;
        private final Map<String, SObjectDescribe> describes = new HashMap<>();
        private final Map<String, Optional<SalesforceError>> describeErrors = new HashMap<>();
        private Assignments assignments;

        Run(List<Requirement> requirements) {
            this.requirements = List.copyOf(requirements);
        }

        PreflightReport execute() {
            Credentials creds = connection.credentials();
            userId = creds.userId().orElse(null);
            username = userId != null ? userId : "the integration user";

            // 1. Can we call the API at all? Answers "API Enabled" and "user active" when it cannot.
            try {
                UserIdentity me = connection.userInfo();
                if (me.username() != null) {
                    username = me.username();
                }
                if (me.userId() != null) {
                    userId = me.userId();
                }
                global = rest.describeGlobal();
            } catch (SalesforceException e) {
                return blocked(e);
            }
            List<Line> lines = new ArrayList<>();
            for (Requirement r : requirements) {
                lines.add(check(r));
            }
            return new PreflightReport(username, lines);
        }

        /** The API refused us as a whole: that requirement fails, the others cannot be checked. */
        private PreflightReport blocked(SalesforceException e) {
            SalesforceError error = e.error();
            Line cause;
            if (error instanceof SalesforceError.ApiDisabled) {
                cause = new Line(new Requirement.ApiEnabled(), Status.FAIL, "Salesforce answered " + error.message(),
                        "Enable the \"API Enabled\" system permission for " + username
                                + " (in their profile or a permission set assigned to them)");
            } else if (error instanceof SalesforceError.UserInactive) {
                cause = new Line(new Requirement.UserActive(), Status.FAIL, "Salesforce answered " + error.message(),
                        "Reactivate user " + username + " in Setup → Users, then reauthorize the connection");
            } else {
                throw e; // auth or transport: not a permission question
            }
            List<Line> lines = new ArrayList<>();
            for (Requirement r : requirements) {
                if (r.getClass() == cause.requirement().getClass()) {
                    lines.add(new Line(r, cause.status(), cause.evidence(), cause.fix()));
                } else {
                    lines.add(new Line(r, Status.UNKNOWN, "not checked: " + error.message(),
                            "Fix \"" + cause.requirement().title() + "\" first, then run the check again"));
                }
            }
            return new PreflightReport(username, lines);
        }

        private Line check(Requirement r) {
            // Java 17: no pattern-matching switch yet; the sealed interface keeps this list complete.
            if (r instanceof Requirement.ApiEnabled a) return pass(a, "GET /sobjects (describeGlobal) succeeded");
            if (r instanceof Requirement.UserActive u) return userActive(u);
            if (r instanceof Requirement.ObjectAccess o) return objectAccess(o);
            if (r instanceof Requirement.FieldAccess f) return fieldAccess(f);
            if (r instanceof Requirement.CustomObjectExists c) return customObject(c);
            if (r instanceof Requirement.PermissionSetAssigned p) return permissionSet(p);
            if (r instanceof Requirement.VisualforcePageAccess v) return visualforcePage(v);
            throw new IllegalStateException("unknown requirement " + r);
        }

        private Line userActive(Requirement.UserActive u) {
            if (userId == null) {
                return pass(u, "the token works (no user id to look up)");
            }
            String q = "SELECT Id, Username, IsActive FROM User WHERE Id = '" + soql(userId) + "'";
            try {
                Optional<JsonNode> user = rest.query(q).findFirst();
                if (user.isEmpty()) {
                    return pass(u, "the token works; User " + userId + " not visible to " + q);
                }
                boolean active = user.get().path("IsActive").asBoolean(true);
                return active ? pass(u, "SOQL: " + q + " → IsActive = true")
                        : fail(u, "SOQL: " + q + " → IsActive = false",
                        "Reactivate user " + username + " in Setup → Users, then reauthorize the connection");
            } catch (SalesforceException e) {
                rethrowIfNotPermission(e);
                return pass(u, "the token works (User not queryable: " + e.error().message() + ")");
            }
        }

        private Line objectAccess(Requirement.ObjectAccess o) {
            Optional<SObjectSummary> s = summary(o.object());
            if (s.isEmpty()) {
                return fail(o, "describeGlobal does not list " + o.object(),
                        "Give " + username + " " + accessWords(o.access()) + " access on " + o.object()
                                + " (Object Settings in a permission set assigned to them, or their profile)");
            }
            SObjectSummary x = s.get();
            List<String> missing = new ArrayList<>();
            if (o.access().contains(Access.READ) && !x.queryable()) missing.add("Read");
            if (o.access().contains(Access.CREATE) && !x.createable()) missing.add("Create");
            if (o.access().contains(Access.EDIT) && !x.updateable()) missing.add("Edit");
            String evidence = "describeGlobal: " + x.name() + " queryable=" + x.queryable() + " createable="
                    + x.createable() + " updateable=" + x.updateable();
            if (missing.isEmpty()) {
                return pass(o, evidence);
            }
            return fail(o, evidence, "Give " + username + " " + String.join(" and ", missing) + " access on "
                    + x.name() + " (Object Settings in a permission set assigned to them, or their profile)");
        }

        private Line fieldAccess(Requirement.FieldAccess f) {
            if (summary(f.object()).isEmpty()) {
                return fail(f, "describeGlobal does not list " + f.object(),
                        "Give " + username + " Read access on " + f.object() + ", then field access on " + f.field());
            }
            SObjectDescribe d = describe(f.object());
            if (d == null) {
                return unknown(f, "describe " + f.object() + " failed: " + describeErrors.get(f.object())
                        .map(SalesforceError::message).orElse("?"), "Check field-level security of "
                        + f.object() + "." + f.field() + " for " + username + " in Setup");
            }
            Optional<FieldDescribe> field = d.field(f.field());
            if (field.isEmpty()) {
                return fail(f, "describe " + d.name() + " has no field " + f.field(),
                        "Make field " + d.name() + "." + f.field() + " visible to " + username
                                + " (Field-Level Security in their permission set or profile); if it does not"
                                + " exist, install or upgrade the package that defines it");
            }
            boolean wantsEdit = f.access().contains(Access.EDIT) || f.access().contains(Access.CREATE);
            FieldDescribe fd = field.get();
            String evidence = "describe " + d.name() + "." + fd.name() + ": createable=" + fd.createable()
                    + " updateable=" + fd.updateable();
            if (wantsEdit && !(fd.updateable() || fd.createable())) {
                return fail(f, evidence, "Give " + username + " Edit access on field " + d.name() + "." + fd.name()
                        + " (Field-Level Security in their permission set or profile)");
            }
            return pass(f, evidence);
        }

        private Line customObject(Requirement.CustomObjectExists c) {
            Optional<SObjectSummary> s = summary(c.object());
            if (s.isPresent()) {
                return pass(c, "describeGlobal lists " + s.get().name());
            }
            return fail(c, "describeGlobal does not list " + c.object()
                            + " (it is missing, or " + username + " cannot read it)",
                    "Install the package that defines " + c.object() + ", and give " + username
                            + " Read access on it");
        }

        private Line permissionSet(Requirement.PermissionSetAssigned p) {
            Assignments a = assignments();
            if (a.error != null) {
                return unknown(p, "cannot read " + a.errorSource + ": " + a.error.message(),
                        "Check in Setup → Users → " + username + " → Permission Set Assignments that "
                                + p.apiName() + " is assigned (Crosswalk could not read permission assignments;"
                                + " \"View Setup and Configuration\" lets it check)");
            }
            String label = permissionSetLabel(p.apiName()).orElse(null);
            if (a.names.containsKey(p.apiName().toLowerCase(java.util.Locale.ROOT))) {
                return pass(p, "SOQL: " + a.query + " → includes " + p.apiName());
            }
            if (label == null) {
                return fail(p, "SOQL: SELECT … FROM PermissionSet WHERE Name = '" + p.apiName() + "' → no rows",
                        "Install the package that defines permission set " + p.apiName() + ", then assign it to "
                                + username);
            }
            return fail(p, "SOQL: " + a.query + " → " + p.apiName() + " not among " + a.names.values(),
                    "Assign permission set " + label + " to " + username);
        }

        private Line visualforcePage(Requirement.VisualforcePageAccess v) {
            String pageQuery = "SELECT Id, Name FROM ApexPage WHERE Name = '" + soql(v.pageName()) + "'";
            List<JsonNode> pages;
            try {
                pages = rest.query(pageQuery).toList();
            } catch (SalesforceException e) {
                rethrowIfNotPermission(e);
                return unknown(v, "cannot read ApexPage: " + e.error().message(),
                        "Check in Setup that " + username + " has access to Visualforce page " + v.pageName());
            }
            if (pages.isEmpty()) {
                return fail(v, "SOQL: " + pageQuery + " → no rows",
                        "Install the package that defines Visualforce page " + v.pageName());
            }
            String pageId = Json.text(pages.get(0), "Id");
            Assignments a = assignments();
            if (a.error != null) {
                return unknown(v, "cannot read " + a.errorSource + ": " + a.error.message(),
                        "Check in Setup that " + username + " has access to Visualforce page " + v.pageName());
            }
            if (a.permissionSetIds.isEmpty()) {
                return fail(v, "SOQL: " + a.query + " → no permission sets", pageFix(v));
            }
            String ids = a.permissionSetIds.stream().map(id -> "'" + soql(id) + "'").collect(Collectors.joining(","));
            String q = "SELECT ParentId, SetupEntityId FROM SetupEntityAccess WHERE SetupEntityType = 'ApexPage'"
                    + " AND SetupEntityId = '" + soql(pageId) + "' AND ParentId IN (" + ids + ")";
            try {
                Optional<JsonNode> row = rest.query(q).findFirst();
                if (row.isPresent()) {
                    String via = a.permissionSetIds.indexOf(Json.text(row.get(), "ParentId")) >= 0
                            ? a.labelById.getOrDefault(Json.text(row.get(), "ParentId"), Json.text(row.get(), "ParentId"))
                            : Json.text(row.get(), "ParentId");
                    return pass(v, "SOQL: SetupEntityAccess for ApexPage " + v.pageName() + " via " + via);
                }
                return fail(v, "SOQL: " + q + " → no rows", pageFix(v));
            } catch (SalesforceException e) {
                rethrowIfNotPermission(e);
                return unknown(v, "cannot read SetupEntityAccess: " + e.error().message(),
                        "Check in Setup that " + username + " has access to Visualforce page " + v.pageName());
            }
        }

        private String pageFix(Requirement.VisualforcePageAccess v) {
            return "Give " + username + " access to Visualforce page " + v.pageName()
                    + " (Visualforce Page Access in a permission set assigned to them, or their profile)";
        }

        // ---- facts, fetched once per run ---------------------------------------------------------

        private Optional<SObjectSummary> summary(String object) {
            return global.stream().filter(s -> s.name().equalsIgnoreCase(object)).findFirst();
        }

        private SObjectDescribe describe(String object) {
            if (!describes.containsKey(object) && !describeErrors.containsKey(object)) {
                try {
                    describes.put(object, rest.describe(object));
                } catch (SalesforceException e) {
                    rethrowIfNotPermission(e);
                    describeErrors.put(object, Optional.of(e.error()));
                }
            }
            return describes.get(object);
        }

        private final class Assignments {
            final List<String> permissionSetIds = new ArrayList<>();
            final Map<String, String> names = new LinkedHashMap<>(); // lower-case api name → api name
            final Map<String, String> labelById = new HashMap<>();
            String query;
            SalesforceError error;
            String errorSource;
        }

        private Assignments assignments() {
            if (assignments != null) {
                return assignments;
            }
            Assignments a = new Assignments();
            a.query = "SELECT PermissionSetId, PermissionSet.Name, PermissionSet.Label FROM PermissionSetAssignment"
                    + " WHERE AssigneeId = '" + soql(userId == null ? "" : userId) + "'";
            try {
                rest.query(a.query).forEach(row -> {
                    String id = Json.text(row, "PermissionSetId");
                    JsonNode ps = row.path("PermissionSet");
                    String name = Json.text(ps, "Name");
                    if (id != null) {
                        a.permissionSetIds.add(id);
                        a.labelById.put(id, Optional.ofNullable(Json.text(ps, "Label")).orElse(name));
                    }
                    if (name != null) {
                        a.names.put(name.toLowerCase(java.util.Locale.ROOT), name);
                    }
                });
            } catch (SalesforceException e) {
                rethrowIfNotPermission(e);
                a.error = e.error();
                a.errorSource = "PermissionSetAssignment";
            }
            assignments = a;
            return a;
        }

        private Optional<String> permissionSetLabel(String apiName) {
            String q = "SELECT Id, Name, Label FROM PermissionSet WHERE Name = '" + soql(apiName) + "'";
            try {
                return rest.query(q).findFirst().map(n -> Optional.ofNullable(Json.text(n, "Label")).orElse(apiName));
            } catch (SalesforceException e) {
                rethrowIfNotPermission(e);
                return Optional.of(apiName);
            }
        }

        /** Permission-ish answers become UNKNOWN lines; auth and transport failures propagate. */
        private void rethrowIfNotPermission(SalesforceException e) {
            SalesforceError error = e.error();
            if (!(error instanceof SalesforceError.InsufficientAccess || error instanceof SalesforceError.InvalidRequest
                    || error instanceof SalesforceError.NotFound)) {
                throw e;
            }
        }
    }

    private static Line pass(Requirement r, String evidence) {
        return new Line(r, Status.PASS, evidence, "");
    }

    private static Line fail(Requirement r, String evidence, String fix) {
        return new Line(r, Status.FAIL, evidence, fix);
    }

    private static Line unknown(Requirement r, String evidence, String fix) {
        return new Line(r, Status.UNKNOWN, evidence, fix);
    }

    private static String accessWords(Set<Access> access) {
        return access.stream().sorted().map(Access::label).collect(Collectors.joining(" and "));
    }

    /** Escapes a SOQL string literal. */
    static String soql(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }
}
