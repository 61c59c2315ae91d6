package dev.crosswalk.emulator;

import dev.crosswalk.emulator.auth.ConnectedApp;
import dev.crosswalk.emulator.auth.FaultInjector;
import dev.crosswalk.emulator.auth.TokenStore;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardSchema;
import dev.crosswalk.emulator.security.PermissionAdmin;
import dev.crosswalk.emulator.security.PermissionService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything one emulator holds: orgs, usernames and passwords, connected apps, tokens,
 * injected faults and the permission service. Shared by all endpoint families.
 */
public final class EmulatorState {

    /** A user located by username: usernames are unique across all orgs, as in Salesforce. */
    public record UserRef(Org org, String userId) {
    }

    /** What a new user needs; the profile is given by name (e.g. "System Administrator"). */
    public record NewUser(String username, String firstName, String lastName, String email, String profileName) {
    }

    public static final String PROFILE_ADMIN = "System Administrator";
    public static final String PROFILE_STANDARD = "Standard User";
    public static final String PROFILE_MINIMUM = "Minimum Access - Salesforce";

    private final EmulatorOptions options;
    private final Clock clock;
    private final Map<String, Org> orgs = new ConcurrentHashMap<>();
    private final Map<String, UserRef> usersByName = new ConcurrentHashMap<>();
    private final Map<String, String> passwordHashes = new ConcurrentHashMap<>();
    private final Map<String, ConnectedApp> apps = new ConcurrentHashMap<>();
    private final TokenStore tokens;
    private final FaultInjector faults = new FaultInjector();
    private final PermissionService permissions = new PermissionService();
    private final AtomicLong orgSequence = new AtomicLong(1);
    private volatile String baseUrl;

    public EmulatorState(EmulatorOptions options) {
        this.options = options;
        this.clock = options.clock();
        this.tokens = new TokenStore(clock, options.sessionTimeout(), options.maxApprovalsPerApp());
    }

    public EmulatorOptions options() { return options; }
    public Clock clock() { return clock; }
    public TokenStore tokens() { return tokens; }
    public FaultInjector faults() { return faults; }
    public PermissionService permissions() { return permissions; }
    /** The emulator's base URL: login host and instance URL at once. */
    public String baseUrl() { return baseUrl; }
    void baseUrl(String url) { baseUrl = url; }

    /**
     * Creates an org with the standard schema, its Organization record and the three standard
     * profiles (System Administrator with every permission, Standard User with API access and
     * CRUD on the sales objects, Minimum Access with nothing).
     */
    public Org createOrg(String name) {
        String id;
        do {
            id = Ids.to18(Ids.id15("00D", orgSequence.getAndIncrement()));
        } while (orgs.containsKey(id));
        return createOrg(id, name);
    }

    /** Creates an org with a given id (state restore). */
    public Org createOrg(String orgId, String name) {
        Org org = new Org(orgId, name, clock, options.dailyApiRequests());
        StandardSchema.install(org);
        org.writeRun(() -> {
            SObjectType orgType = org.type("Organization").orElseThrow();
            Record r = new Record(orgId, orgType.fields().size());
            var now = org.nextModstamp();
            r.set(orgType.require("Id"), orgId);
            r.set(orgType.require("Name"), name);
            r.set(orgType.require("IsDeleted"), false);
            r.set(orgType.require("OrganizationType"), "Enterprise Edition");
            r.set(orgType.require("InstanceName"), "EMU1");
            r.set(orgType.require("IsSandbox"), false);
            r.set(orgType.require("TimeZoneSidKey"), "GMT");
            r.set(orgType.require("CreatedDate"), now);
            r.set(orgType.require("LastModifiedDate"), now);
            r.set(orgType.require("SystemModstamp"), now);
            org.store(orgType).put(r);
        });
        Map<String, Boolean> all = new LinkedHashMap<>();
        StandardSchema.SYSTEM_PERMISSIONS.forEach(p -> all.put(p, true));
        PermissionAdmin.createProfile(org, PROFILE_ADMIN, all);
        String standard = PermissionAdmin.createProfile(org, PROFILE_STANDARD, Map.of("PermissionsApiEnabled", true));
        String standardPs = PermissionAdmin.profilePermissionSetId(org, standard);
        for (String type : List.of("Account", "Contact", "Lead", "Opportunity")) {
            PermissionAdmin.setObjectPermissions(org, standardPs, type,
                    new dev.crosswalk.emulator.security.ObjectAccess(true, true, true, true, false, false, true));
        }
        PermissionAdmin.createProfile(org, PROFILE_MINIMUM, Map.of());
        orgs.put(orgId, org);
        return org;
    }

    /**
     * Adds an org rebuilt from saved state (schema and records already in place) and registers
     * its users' usernames.
     */
    public void restoreOrg(Org org) {
        orgs.put(org.id(), org);
        SObjectType userType = org.type("User").orElseThrow();
        for (Record u : org.store(userType).all()) {
            registerUsername((String) u.get(userType.require("Username")), org, u.id());
        }
    }

    public Collection<Org> orgs() {
        return List.copyOf(orgs.values());
    }

    /** An org by 15- or 18-character id. */
    public Optional<Org> org(String orgId) {
        return Ids.normalize(orgId).map(orgs::get);
    }

    public Optional<Org> orgByName(String name) {
        return orgs.values().stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * Creates an active user with a password, assigned to its profile's permission set
     * (Salesforce lists the profile's hidden permission set among the user's assignments).
     */
    public String createUser(Org org, NewUser spec, String password) {
        if (usersByName.containsKey(spec.username().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Duplicate username: " + spec.username());
        }
        String profileId = PermissionAdmin.profileId(org, spec.profileName())
                .orElseThrow(() -> new IllegalArgumentException("No profile named " + spec.profileName()));
        String userId = org.write(() -> {
            SObjectType t = org.type("User").orElseThrow();
            Record u = RecordLifecycle.create(org, t, null);
            u.set(t.require("Username"), spec.username());
            u.set(t.require("FirstName"), spec.firstName());
            u.set(t.require("LastName"), spec.lastName());
            u.set(t.require("Email"), spec.email());
            u.set(t.require("Alias"), alias(spec));
            u.set(t.require("IsActive"), true);
            u.set(t.require("UserType"), "Standard");
            u.set(t.require("ProfileId"), profileId);
            u.set(t.require("TimeZoneSidKey"), "GMT");
            u.set(t.require("LocaleSidKey"), "en_US");
            u.set(t.require("LanguageLocaleKey"), "en_US");
            u.set(t.require("EmailEncodingKey"), "UTF-8");
            u.set(t.require("CreatedById"), u.id());
            u.set(t.require("LastModifiedById"), u.id());
            RecordLifecycle.recomputeName(t, u);
            return u.id();
        });
        PermissionAdmin.assign(org, userId, PermissionAdmin.profilePermissionSetId(org, profileId));
        usersByName.put(spec.username().toLowerCase(Locale.ROOT), new UserRef(org, userId));
        setPassword(spec.username(), password);
        return userId;
    }

    public Optional<UserRef> user(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(usersByName.get(username.toLowerCase(Locale.ROOT)));
    }

    /** Registers an existing user record's username (state restore). */
    public void registerUsername(String username, Org org, String userId) {
        usersByName.put(username.toLowerCase(Locale.ROOT), new UserRef(org, userId));
    }

    public boolean isActive(Org org, String userId) {
        return org.read(() -> {
            Record u = org.store("User").get(userId);
            return u != null && Boolean.TRUE.equals(u.get(org.store("User").type().require("IsActive")));
        });
    }

    public String username(Org org, String userId) {
        return org.read(() -> (String) org.store("User").get(userId).get(org.store("User").type().require("Username")));
    }

    public void setUserActive(Org org, String userId, boolean active) {
        org.writeRun(() -> {
            SObjectType t = org.type("User").orElseThrow();
            Record u = org.store(t).get(userId);
            u.set(t.require("IsActive"), active);
            RecordLifecycle.touch(org, t, u, null);
        });
        if (!active) {
            // A deactivated user's sessions end and its refresh tokens stop working.
            tokens.expireSessionsOfUser(userId);
        }
    }

    public void setPassword(String username, String password) {
        passwordHashes.put(username.toLowerCase(Locale.ROOT), hash(username, password));
    }

    public boolean checkPassword(String username, String password) {
        String stored = username == null ? null : passwordHashes.get(username.toLowerCase(Locale.ROOT));
        return stored != null && password != null && MessageDigest.isEqual(
                stored.getBytes(StandardCharsets.UTF_8), hash(username, password).getBytes(StandardCharsets.UTF_8));
    }

    public Map<String, String> passwordHashes() {
        return Map.copyOf(passwordHashes);
    }

    public void restorePasswordHash(String username, String hash) {
        passwordHashes.put(username.toLowerCase(Locale.ROOT), hash);
    }

    public ConnectedApp addConnectedApp(String name, String clientId, String clientSecret, List<String> callbacks, Set<String> scopes) {
        ConnectedApp app = new ConnectedApp(name, clientId, clientSecret, callbacks, scopes);
        apps.put(clientId, app);
        return app;
    }

    public Optional<ConnectedApp> app(String clientId) {
        return Optional.ofNullable(clientId == null ? null : apps.get(clientId));
    }

    public Collection<ConnectedApp> apps() {
        return List.copyOf(apps.values());
    }

    private static String alias(NewUser spec) {
        String a = ((spec.firstName() == null || spec.firstName().isEmpty() ? "" : spec.firstName().substring(0, 1))
                + spec.lastName()).toLowerCase(Locale.ROOT);
        return a.length() > 8 ? a.substring(0, 8) : a;
    }

    private static String hash(String username, String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            return HexFormat.of().formatHex(md.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
