package dev.crosswalk.emulator.admin;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.UserRef;
import dev.crosswalk.emulator.auth.ConnectedApp;
import dev.crosswalk.emulator.model.ApiUsage;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordStore;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardSchema;
import dev.crosswalk.emulator.security.ObjectAccess;
import dev.crosswalk.emulator.security.PermissionAdmin;
import dev.crosswalk.emulator.seed.OverlapPlan;
import dev.crosswalk.emulator.seed.SeedReport;
import dev.crosswalk.emulator.seed.SeedRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Administration and fault injection from Java: the twin of the {@code /_emulator/} JSON API
 * (every endpoint calls exactly one method here). Users are named by username, orgs by name or
 * id, permission sets by API name. Unknown names fail with {@link AdminException} (404), bad
 * arguments with {@link AdminException} (400).
 */
public final class EmulatorAdmin {
    private final EmulatorState state;

    public EmulatorAdmin(EmulatorState state) {
        this.state = state;
    }

    // ---- orgs --------------------------------------------------------------------------

    public Org createOrg(String name) {
        if (name == null || name.isBlank()) {
            throw AdminException.badRequest("invalid_request", "An org needs a name");
        }
        if (state.orgByName(name).isPresent()) {
            throw AdminException.badRequest("duplicate_org", "An org named '" + name + "' already exists");
        }
        return state.createOrg(name);
    }

    /** An org by name (case-insensitive) or 15/18-character id. */
    public Org org(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            throw AdminException.badRequest("invalid_request", "Name the org (name or id)");
        }
        return state.org(nameOrId).or(() -> state.orgByName(nameOrId))
                .orElseThrow(() -> AdminException.notFound("org_not_found", "No org named or with id '" + nameOrId + "'"));
    }

    /** Turns the REST API off (or on) for a whole org: every call answers {@code API_DISABLED_FOR_ORG}. */
    public void setOrgApiEnabled(String org, boolean enabled) {
        org(org).apiEnabled(enabled);
    }

    /** Sets the daily API request allocation and/or the used count (null leaves a value as is). */
    public ApiUsage setApiLimit(String org, Long max, Long used) {
        if ((max != null && max < 0) || (used != null && used < 0)) {
            throw AdminException.badRequest("invalid_request", "Limits must not be negative");
        }
        ApiUsage usage = org(org).apiUsage();
        if (max != null) {
            usage.max(max);
        }
        if (used != null) {
            usage.used(used);
        }
        return usage;
    }

    // ---- users -------------------------------------------------------------------------

    /**
     * A user to create. Only org, username and password are required; the profile defaults to
     * "Standard User", names and email derive from the username.
     */
    public record NewUser(String org, String username, String password, String profile, List<String> permissionSets,
                          String firstName, String lastName, String email) {
        public NewUser {
            permissionSets = permissionSets == null ? List.of() : List.copyOf(permissionSets);
        }

        public static NewUser of(String org, String username, String password, String profile, String... permissionSets) {
            return new NewUser(org, username, password, profile, List.of(permissionSets), null, null, null);
        }
    }

    /** Creates an active user; returns its id. */
    public String createUser(NewUser spec) {
        if (spec.username() == null || !spec.username().contains("@")) {
            throw AdminException.badRequest("invalid_request", "A username looks like an email address");
        }
        if (spec.password() == null || spec.password().isEmpty()) {
            throw AdminException.badRequest("invalid_request", "A user needs a password");
        }
        if (state.user(spec.username()).isPresent()) {
            throw AdminException.badRequest("duplicate_username", "Username '" + spec.username() + "' is taken");
        }
        Org org = org(spec.org());
        String profile = spec.profile() == null ? EmulatorState.PROFILE_STANDARD : spec.profile();
        if (PermissionAdmin.profileId(org, profile).isEmpty()) {
            throw AdminException.notFound("profile_not_found", "No profile named '" + profile + "' in " + org.name());
        }
        List<String> permissionSetIds = new ArrayList<>();
        for (String ps : spec.permissionSets()) {
            permissionSetIds.add(permissionSetId(org, ps));
        }
        String local = spec.username().substring(0, spec.username().indexOf('@'));
        String first = spec.firstName() != null ? spec.firstName() : capitalize(local.contains(".") ? local.substring(0, local.indexOf('.')) : "");
        String last = spec.lastName() != null ? spec.lastName() : capitalize(local.contains(".") ? local.substring(local.indexOf('.') + 1) : local);
        String email = spec.email() != null ? spec.email() : spec.username();
        String userId = state.createUser(org, new EmulatorState.NewUser(spec.username(), first.isEmpty() ? null : first,
                last, email, profile), spec.password());
        for (String psId : permissionSetIds) {
            PermissionAdmin.assign(org, userId, psId);
        }
        return userId;
    }

    public UserRef user(String username) {
        if (username == null || username.isBlank()) {
            throw AdminException.badRequest("invalid_request", "Name the user (username)");
        }
        return state.user(username).orElseThrow(() -> AdminException.notFound("user_not_found", "No user '" + username + "'"));
    }

    /** Deactivates (ending its sessions; its refresh tokens stop working) or reactivates a user. */
    public void setUserActive(String username, boolean active) {
        UserRef u = user(username);
        state.setUserActive(u.org(), u.userId(), active);
    }

    /** Changes a password; with {@code revokeTokens} also ends sessions and revokes refresh tokens ("revoke on change"). */
    public void resetPassword(String username, String password, boolean revokeTokens) {
        UserRef u = user(username);
        if (password == null || password.isEmpty()) {
            throw AdminException.badRequest("invalid_request", "A new password is needed");
        }
        state.setPassword(state.username(u.org(), u.userId()), password);
        if (revokeTokens) {
            state.tokens().revokeRefreshTokensOfUser(u.userId());
            state.tokens().expireSessionsOfUser(u.userId());
        }
    }

    /**
     * Switches API access off (or back on) for one user through a per-user override: calls answer
     * {@code API_DISABLED_FOR_ORG}, while the permission records stay as they are. To make the
     * change visible to SOQL over PermissionSet (as a preflight reads it), use
     * {@link #setSystemPermission} with {@code PermissionsApiEnabled} instead.
     */
    public void setApiEnabled(String username, boolean enabled) {
        state.permissions().disableApi(user(username).userId(), !enabled);
    }

    // ---- sessions and tokens -------------------------------------------------------------

    /** Ends every session (access token) of a user; refresh tokens keep working. Returns how many ended. */
    public int expireSessions(String username) {
        return state.tokens().expireSessionsOfUser(user(username).userId());
    }

    /** Ends every session of every user of an org. */
    public int expireOrgSessions(String org) {
        return state.tokens().expireSessionsOfOrg(org(org).id());
    }

    /** Revokes every refresh token of a user (and the sessions issued from them). */
    public int revokeRefreshTokens(String username) {
        return state.tokens().revokeRefreshTokensOfUser(user(username).userId());
    }

    /** The inactivity timeout of access tokens for the whole emulator. */
    public void setSessionTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw AdminException.badRequest("invalid_request", "The session timeout must be positive");
        }
        state.tokens().sessionTimeout(timeout);
    }

    // ---- permissions -----------------------------------------------------------------------

    /** Creates a regular permission set with the given system permissions (e.g. {@code PermissionsApiEnabled}). */
    public String createPermissionSet(String org, String apiName, String label, Map<String, Boolean> systemPermissions) {
        Org o = org(org);
        if (apiName == null || !apiName.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw AdminException.badRequest("invalid_request", "A permission set API name is letters, digits and _");
        }
        if (PermissionAdmin.permissionSetId(o, apiName).isPresent()) {
            throw AdminException.badRequest("duplicate_permission_set", "Permission set '" + apiName + "' exists in " + o.name());
        }
        systemPermissions.keySet().forEach(EmulatorAdmin::checkSystemPermission);
        return PermissionAdmin.createPermissionSet(o, apiName, label == null ? apiName.replace('_', ' ') : label, systemPermissions);
    }

    public void assignPermissionSet(String username, String permissionSet) {
        UserRef u = user(username);
        PermissionAdmin.assign(u.org(), u.userId(), permissionSetId(u.org(), permissionSet));
    }

    /** Removes an assignment; returns false when the user did not have it. */
    public boolean unassignPermissionSet(String username, String permissionSet) {
        UserRef u = user(username);
        return PermissionAdmin.unassign(u.org(), u.userId(), permissionSetId(u.org(), permissionSet));
    }

    /** Adds object permissions (and the ones they require); returns the resulting flags. */
    public Set<ObjectPermission> grantObjectPermissions(PermissionSetRef ref, String object, Set<ObjectPermission> permissions) {
        return changeObjectPermissions(ref, object, current -> {
            Set<ObjectPermission> next = EnumSet.noneOf(ObjectPermission.class);
            next.addAll(current);
            next.addAll(ObjectPermission.withRequirements(permissions));
            return next;
        });
    }

    /** Removes object permissions (and those that depend on them); an empty set removes all. */
    public Set<ObjectPermission> revokeObjectPermissions(PermissionSetRef ref, String object, Set<ObjectPermission> permissions) {
        return changeObjectPermissions(ref, object, current -> permissions.isEmpty()
                ? EnumSet.noneOf(ObjectPermission.class) : ObjectPermission.without(current, permissions));
    }

    /** Field-level security on {@code Object.Field}; read and edit false removes the grant. */
    public void setFieldPermission(PermissionSetRef ref, String field, boolean read, boolean edit) {
        Target t = resolve(ref);
        int dot = field == null ? -1 : field.indexOf('.');
        if (dot < 1) {
            throw AdminException.badRequest("invalid_request", "Name the field as Object.Field, e.g. Account.Industry");
        }
        SObjectType type = objectType(t.org(), field.substring(0, dot));
        String fieldName = type.field(field.substring(dot + 1))
                .orElseThrow(() -> AdminException.notFound("field_not_found", "No field " + field)).name();
        PermissionAdmin.setFieldPermission(t.org(), t.permissionSetId(), type.name() + "." + fieldName, read, edit);
    }

    /** Sets a system permission such as {@code PermissionsApiEnabled} on a permission set or profile. */
    public void setSystemPermission(PermissionSetRef ref, String permission, boolean enabled) {
        String canonical = checkSystemPermission(permission);
        Target t = resolve(ref);
        PermissionAdmin.setSystemPermission(t.org(), t.permissionSetId(), canonical, enabled);
    }

    // ---- faults ------------------------------------------------------------------------------

    /**
     * Makes the next {@code count} requests whose path starts with {@code pathPrefix} fail with a
     * status and Salesforce error (lower-case codes such as {@code invalid_grant} use the OAuth
     * error shape). Admin paths are never affected.
     */
    public void failNext(int count, String pathPrefix, int status, String errorCode, String message) {
        if (count < 1 || status < 400 || status > 599 || errorCode == null || errorCode.isBlank()) {
            throw AdminException.badRequest("invalid_request", "Need count ≥ 1, a 4xx/5xx status and an error code");
        }
        state.faults().failNext(count, pathPrefix, status, errorCode, message == null ? defaultMessage(errorCode) : message);
    }

    /** Delays every request under {@code pathPrefix}; zero removes the delay. */
    public void setLatency(Duration latency, String pathPrefix) {
        if (latency.isNegative()) {
            throw AdminException.badRequest("invalid_request", "Latency must not be negative");
        }
        state.faults().latency(latency.toMillis(), pathPrefix);
    }

    /** Removes every pending failure and the latency. */
    public void clearFaults() {
        state.faults().clear();
    }

    // ---- connected apps ------------------------------------------------------------------------

    public ConnectedApp addConnectedApp(String name, String clientId, String clientSecret, List<String> callbackUrls,
                                        Set<String> scopes) {
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw AdminException.badRequest("invalid_request", "A connected app needs a clientId and a clientSecret");
        }
        if (callbackUrls == null || callbackUrls.isEmpty()) {
            throw AdminException.badRequest("invalid_request", "A connected app needs at least one callback URL");
        }
        if (state.app(clientId).isPresent()) {
            throw AdminException.badRequest("duplicate_client_id", "A connected app with this clientId exists");
        }
        return state.addConnectedApp(name == null ? clientId : name, clientId, clientSecret, callbackUrls,
                scopes == null || scopes.isEmpty() ? Set.of("api", "refresh_token", "id") : scopes);
    }

    public ConnectedApp connectedApp(String clientId) {
        return state.app(clientId).orElseThrow(() -> AdminException.notFound("connected_app_not_found",
                "No connected app with clientId '" + clientId + "'"));
    }

    /** With rotation on, every refresh-token grant returns a new refresh token and revokes the used one. */
    public void setRefreshTokenRotation(String clientId, boolean enabled) {
        connectedApp(clientId).rotateRefreshTokens(enabled);
    }

    public void setRequirePkce(String clientId, boolean required) {
        connectedApp(clientId).requirePkce(required);
    }

    // ---- seed data ---------------------------------------------------------------------------------

    /** One org of a seed request: how many accounts and leads, and whether to create the org. */
    public record OrgSeed(String org, int accounts, int leads, boolean create) {
    }

    /**
     * Generates and loads accounts and leads into one or more orgs (orgs of one request share
     * {@code overlap} of their companies) and returns the true overlap. With {@code dryRun}
     * nothing is stored: the report of what would be loaded is returned.
     */
    public SeedReport seed(long seed, double overlap, List<OrgSeed> orgs, boolean dryRun) {
        if (orgs == null || orgs.isEmpty()) {
            throw AdminException.badRequest("invalid_request", "Name at least one org to seed");
        }
        if (!(overlap >= 0 && overlap <= 1)) {
            throw AdminException.badRequest("invalid_request", "overlap must be between 0 and 1");
        }
        OverlapPlan.Builder builder = OverlapPlan.builder(seed).overlap(overlap);
        Map<String, Org> targets = new LinkedHashMap<>();
        for (OrgSeed o : orgs) {
            if (o.accounts() < 0 || o.leads() < 0) {
                throw AdminException.badRequest("invalid_request", "Counts must not be negative");
            }
            Org org = null;
            if (!dryRun) {
                org = o.create() && o.org() != null
                        ? state.org(o.org()).or(() -> state.orgByName(o.org())).orElseGet(() -> createOrg(o.org()))
                        : org(o.org());
            }
            String key = org == null ? o.org() : org.name();
            if (key == null || targets.containsKey(key)) {
                throw AdminException.badRequest("invalid_request", "Each org must be named once");
            }
            targets.put(key, org);
            builder.org(key, o.accounts(), o.leads());
        }
        OverlapPlan plan;
        try {
            plan = builder.build();
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest("invalid_request", e.getMessage());
        }
        return dryRun ? plan.report() : SeedRunner.load(state, plan, targets);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private record Target(Org org, String permissionSetId) {
    }

    private Set<ObjectPermission> changeObjectPermissions(PermissionSetRef ref, String object,
            java.util.function.UnaryOperator<Set<ObjectPermission>> change) {
        Target t = resolve(ref);
        SObjectType type = objectType(t.org(), object);
        if (type.accessModel() != SObjectType.AccessModel.CRUD) {
            throw AdminException.badRequest("invalid_request", type.name() + " has no object permissions");
        }
        // Read-modify-write under one write lock so two concurrent grants cannot lose a flag.
        return t.org().write(() -> {
            Set<ObjectPermission> next = change.apply(currentObjectPermissions(t.org(), t.permissionSetId(), type.name()));
            PermissionAdmin.setObjectPermissions(t.org(), t.permissionSetId(), type.name(), ObjectPermission.toAccess(next));
            return next;
        });
    }

    private static Set<ObjectPermission> currentObjectPermissions(Org org, String permissionSetId, String object) {
        RecordStore store = org.store("ObjectPermissions");
        SObjectType t = store.type();
        for (Record r : store.all()) {
            if (permissionSetId.equals(r.get(t.require("ParentId")))
                    && object.equalsIgnoreCase((String) r.get(t.require("SobjectType")))) {
                return ObjectPermission.of(new ObjectAccess(flag(r, t, "PermissionsRead"), flag(r, t, "PermissionsCreate"),
                        flag(r, t, "PermissionsEdit"), flag(r, t, "PermissionsDelete"), flag(r, t, "PermissionsViewAllRecords"),
                        flag(r, t, "PermissionsModifyAllRecords"), flag(r, t, "PermissionsViewAllFields")));
            }
        }
        return EnumSet.noneOf(ObjectPermission.class);
    }

    private static boolean flag(Record r, SObjectType t, String field) {
        return Boolean.TRUE.equals(r.get(t.require(field)));
    }

    private static SObjectType objectType(Org org, String object) {
        if (object == null || object.isBlank()) {
            throw AdminException.badRequest("invalid_request", "Name the object, e.g. Account");
        }
        return org.type(object).orElseThrow(() -> AdminException.notFound("object_not_found",
                "No object " + object + " in " + org.name()));
    }

    private Target resolve(PermissionSetRef ref) {
        List<Org> candidates = ref.org() != null ? List.of(org(ref.org())) : state.orgs().stream()
                .filter(o -> find(o, ref).isPresent()).toList();
        if (candidates.size() > 1) {
            throw AdminException.badRequest("ambiguous", ref + " exists in several orgs: name the org");
        }
        if (candidates.isEmpty()) {
            throw AdminException.notFound("permission_set_not_found", "No " + ref);
        }
        Org org = candidates.get(0);
        String id = find(org, ref).orElseThrow(() -> AdminException.notFound("permission_set_not_found",
                "No " + ref + " in " + org.name()));
        return new Target(org, id);
    }

    private static Optional<String> find(Org org, PermissionSetRef ref) {
        if (ref.permissionSet() != null) {
            return PermissionAdmin.permissionSetId(org, ref.permissionSet());
        }
        return PermissionAdmin.profileId(org, ref.profile()).map(p -> PermissionAdmin.profilePermissionSetId(org, p));
    }

    private static String permissionSetId(Org org, String apiName) {
        if (apiName == null || apiName.isBlank()) {
            throw AdminException.badRequest("invalid_request", "Name the permission set (API name)");
        }
        if (Ids.looksLikeId(apiName) && org.findRecord(apiName).isPresent()) {
            return Ids.normalize(apiName).orElseThrow();
        }
        return PermissionAdmin.permissionSetId(org, apiName).orElseThrow(() -> AdminException.notFound(
                "permission_set_not_found", "No permission set '" + apiName + "' in " + org.name()));
    }

    private static String checkSystemPermission(String permission) {
        if (permission == null) {
            throw AdminException.badRequest("invalid_permission", "Name the system permission");
        }
        String p = permission.startsWith("Permissions") ? permission : "Permissions" + permission;
        return StandardSchema.SYSTEM_PERMISSIONS.stream().filter(s -> s.equalsIgnoreCase(p)).findFirst()
                .orElseThrow(() -> AdminException.badRequest("invalid_permission", "Unknown system permission '"
                        + permission + "'; known: " + StandardSchema.SYSTEM_PERMISSIONS));
    }

    private static String defaultMessage(String errorCode) {
        return switch (errorCode) {
            case "UNABLE_TO_LOCK_ROW" -> "unable to obtain exclusive access to this record or 1 records";
            case "REQUEST_LIMIT_EXCEEDED" -> "TotalRequests Limit exceeded.";
            case "SERVER_UNAVAILABLE" -> "Server temporarily unavailable";
            case "INVALID_SESSION_ID" -> "Session expired or invalid";
            case "invalid_grant" -> "expired access/refresh token";
            default -> "Injected fault: " + errorCode;
        };
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
