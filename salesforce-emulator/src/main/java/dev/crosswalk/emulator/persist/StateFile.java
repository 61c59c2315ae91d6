package dev.crosswalk.emulator.persist;

import dev.crosswalk.emulator.credentials.OutboundTokens;
import dev.crosswalk.emulator.metadata.AuthProviderSecrets;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ConnectedApp;
import dev.crosswalk.emulator.auth.RefreshGrant;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.auth.TokenStore;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's state as one gzip'd JSON file: orgs (schema, records, API usage), passwords,
 * connected apps, refresh tokens and sessions, so OAuth connections made against a demo
 * survive a restart. Records are streamed in both directions, so millions of rows never sit
 * in memory twice. Writes go to a temporary file moved into place atomically: a crash while
 * saving leaves the previous state intact.
 */
public final class StateFile {
    static final String FORMAT = "crosswalk-salesforce-emulator-state";
    static final int VERSION = 1;

    private StateFile() {
    }

    public static void save(EmulatorState state, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        createOwnerOnly(tmp);
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), 1 << 16);
                JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("format", FORMAT);
            g.writeNumberProperty("version", VERSION);
            g.writeNumberProperty("savedAt", state.clock().millis());
            g.writeName("orgs");
            g.writeStartArray();
            for (Org org : state.orgs()) {
                org.read(() -> {
                    writeOrg(g, org);
                    return null;
                });
            }
            g.writeEndArray();
            g.writeName("meta");
            g.writeTree(meta(state));
            g.writeEndObject();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The state holds access and refresh tokens and client secrets: the file is readable by its owner
     * only (0600), from its first byte (created so, then moved into place with its permissions).
     */
    private static void createOwnerOnly(Path tmp) throws IOException {
        Files.deleteIfExists(tmp);
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
    }

    /** Loads a saved state into a fresh {@link EmulatorState}. */
    public static EmulatorState load(EmulatorOptions options, Path file) {
        EmulatorState state = new EmulatorState(options);
        JsonNode meta = null;
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16);
                JsonParser p = Json.MAPPER.createParser(in)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, file, "does not start with a JSON object");
            boolean formatSeen = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "format" -> {
                        expect(FORMAT.equals(p.getString()), file, "is not a Salesforce emulator state file (format '"
                                + p.getString() + "')");
                        formatSeen = true;
                    }
                    case "version" -> expect(p.getIntValue() == VERSION, file,
                            "was written by an incompatible emulator version (" + p.getIntValue() + ")");
                    case "orgs" -> {
                        expect(formatSeen, file, "is not a Salesforce emulator state file (no format marker first)");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            state.restoreOrg(readOrg(p, options));
                        }
                    }
                    case "meta" -> meta = p.readValueAsTree();
                    default -> p.skipChildren();
                }
            }
            expect(formatSeen && meta != null, file, "is incomplete (truncated while saving?)");
        } catch (ZipException e) {
            throw new StateFileException("State file " + file + " is not a gzip'd emulator state file: " + e.getMessage()
                    + ". Move it away or start with another --data-dir.", e);
        } catch (IOException | JacksonException | IllegalArgumentException | ClassCastException | IllegalStateException e) {
            throw new StateFileException("State file " + file + " is corrupt (" + e.getMessage()
                    + "). Move it away or start with another --data-dir.", e);
        }
        applyMeta(state, meta);
        return state;
    }

    private static void expect(boolean ok, Path file, String problem) {
        if (!ok) {
            throw new StateFileException("State file " + file + " " + problem + ". Move it away or start with another --data-dir.", null);
        }
    }

    private static void writeOrg(JsonGenerator g, Org org) {
        g.writeStartObject();
        ObjectNode o = Json.object();
        o.put("id", org.id());
        o.put("name", org.name());
        o.put("apiEnabled", org.apiEnabled());
        o.put("apiMax", org.apiUsage().max());
        o.put("apiUsed", org.apiUsage().used());
        o.put("idSequence", org.idSequence());
        ArrayNode types = o.putArray("types");
        for (SObjectType t : org.types()) {
            types.add(typeJson(t));
        }
        o.set("credentials", credentialsJson(org));
        g.writeName("org");
        g.writeTree(o);
        g.writeName("records");
        g.writeStartArray();
        for (SObjectType t : org.types()) {
            g.writeStartObject();
            g.writeStringProperty("type", t.name());
            g.writeName("rows");
            g.writeStartArray();
            List<FieldDef> fields = t.fields();
            for (Record r : org.store(t).all()) {
                g.writeStartObject();
                for (FieldDef f : fields) {
                    Object v = r.get(f);
                    if (v != null) {
                        g.writeName(f.name());
                        StateCodec.write(g, f, v);
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * Secrets Salesforce keeps outside the records (Auth. Provider consumer secrets, External
     * Credential principals' tokens), so a restarted emulator keeps its authenticated principals.
     */
    private static ObjectNode credentialsJson(Org org) {
        ObjectNode c = Json.object();
        ObjectNode secrets = c.putObject("authProviderSecrets");
        AuthProviderSecrets.of(org).all().forEach(secrets::put);
        ObjectNode tokens = c.putObject("principalTokens");
        OutboundTokens.of(org).all().forEach((key, t) -> {
            ObjectNode n = tokens.putObject(key);
            n.put("accessToken", t.accessToken());
            n.put("refreshToken", t.refreshToken());
            n.put("obtainedAt", t.obtainedAt().toString());
            n.put("authenticatedBy", t.authenticatedBy());
        });
        return c;
    }

    private static void restoreCredentials(Org org, JsonNode c) {
        if (c == null || c.isNull()) {
            return;
        }
        c.path("authProviderSecrets").properties().forEach(e -> AuthProviderSecrets.of(org).put(e.getKey(), e.getValue().asString()));
        c.path("principalTokens").properties().forEach(e -> {
            JsonNode n = e.getValue();
            OutboundTokens.of(org).put(e.getKey(), new OutboundTokens.Tokens(n.path("accessToken").asString(),
                    n.path("refreshToken").isNull() ? null : n.path("refreshToken").asString(null),
                    java.time.Instant.parse(n.path("obtainedAt").asString()), n.path("authenticatedBy").asString(null)));
        });
    }

    private static Org readOrg(JsonParser p, EmulatorOptions options) {
        Org org = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("org")) {
                JsonNode o = p.readValueAsTree();
                org = new Org(o.get("id").asString(), o.get("name").asString(), options.clock(), o.get("apiMax").asLong());
                org.apiEnabled(o.get("apiEnabled").asBoolean());
                org.apiUsage().used(o.get("apiUsed").asLong());
                org.idSequence(o.get("idSequence").asLong());
                for (JsonNode t : o.get("types")) {
                    org.addType(typeFrom(t));
                }
                restoreCredentials(org, o.get("credentials"));
            } else if (name.equals("records")) {
                if (org == null) {
                    throw new IllegalStateException("records before org definition");
                }
                readRecords(p, org);
            } else {
                p.skipChildren();
            }
        }
        if (org == null) {
            throw new IllegalStateException("org entry without definition");
        }
        return org;
    }

    private static void readRecords(JsonParser p, Org org) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            SObjectType type = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("type")) {
                    String typeName = p.getString();
                    type = org.type(typeName).orElseThrow(() -> new IllegalStateException("records of unknown type " + typeName));
                } else if (name.equals("rows")) {
                    if (type == null) {
                        throw new IllegalStateException("rows before type");
                    }
                    var store = org.store(type);
                    FieldDef idField = type.require("Id");
                    int width = type.fields().size();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        List<Object[]> values = new ArrayList<>();
                        String id = null;
                        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                            FieldDef f = type.require(p.currentName());
                            p.nextToken();
                            Object v = StateCodec.read(p, f);
                            if (f == idField) {
                                id = (String) v;
                            }
                            values.add(new Object[] {f, v});
                        }
                        if (id == null) {
                            throw new IllegalStateException("a " + type.name() + " row has no Id");
                        }
                        Record r = new Record(id, width);
                        for (Object[] fv : values) {
                            r.set((FieldDef) fv[0], fv[1]);
                        }
                        store.put(r);
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private static ObjectNode typeJson(SObjectType t) {
        ObjectNode n = Json.object();
        n.put("name", t.name());
        n.put("label", t.label());
        n.put("labelPlural", t.labelPlural());
        n.put("keyPrefix", t.keyPrefix());
        n.put("accessModel", t.accessModel().name());
        n.put("autoNumberFormat", t.autoNumberFormat());
        n.put("autoNumberCounter", t.autoNumberCounter());
        ArrayNode fields = n.putArray("fields");
        for (FieldDef f : t.fields()) {
            ObjectNode j = fields.addObject();
            j.put("name", f.name());
            j.put("label", f.label());
            j.put("type", f.type().name());
            j.put("length", f.length());
            j.put("precision", f.precision());
            j.put("scale", f.scale());
            j.put("custom", f.custom());
            j.put("system", f.system());
            j.put("required", f.required());
            j.put("nillable", f.nillable());
            j.put("updateable", f.updateable());
            if (f.createOnly()) {
                j.put("createOnly", true);
            }
            j.put("externalId", f.externalId());
            j.put("unique", f.unique());
            j.put("caseSensitive", f.caseSensitive());
            j.put("nameField", f.nameField());
            j.put("permissionable", f.permissionable());
            j.put("defaultedOnCreate", f.defaultedOnCreate());
            f.referenceTo().forEach(j.putArray("referenceTo")::add);
            j.put("relationshipName", f.relationshipName());
            if (f.childRelationshipName() != null) {
                j.put("childRelationshipName", f.childRelationshipName());
            }
            f.picklistValues().forEach(j.putArray("picklistValues")::add);
            j.put("restrictedPicklist", f.restrictedPicklist());
        }
        return n;
    }

    private static SObjectType typeFrom(JsonNode n) {
        SObjectType t = new SObjectType(n.get("name").asString(), n.get("label").asString(), n.get("labelPlural").asString(),
                n.get("keyPrefix").asString(), SObjectType.AccessModel.valueOf(n.get("accessModel").asString()));
        if (!n.path("autoNumberFormat").isNull() && n.has("autoNumberFormat")) {
            t.autoNumberFormat(n.get("autoNumberFormat").asString());
        }
        t.autoNumberCounter(n.path("autoNumberCounter").asLong(0));
        for (JsonNode j : n.get("fields")) {
            List<String> refs = new ArrayList<>();
            j.path("referenceTo").forEach(r -> refs.add(r.asString()));
            List<String> picks = new ArrayList<>();
            j.path("picklistValues").forEach(v -> picks.add(v.asString()));
            t.addField(new FieldDef(j.get("name").asString(), j.get("label").asString(), FieldType.valueOf(j.get("type").asString()),
                    j.get("length").asInt(), j.get("precision").asInt(), j.get("scale").asInt(), j.get("custom").asBoolean(),
                    j.get("system").asBoolean(), j.get("required").asBoolean(), j.get("nillable").asBoolean(),
                    j.get("updateable").asBoolean(), j.get("externalId").asBoolean(), j.get("unique").asBoolean(),
                    j.get("caseSensitive").asBoolean(), j.get("nameField").asBoolean(), j.get("permissionable").asBoolean(),
                    j.get("defaultedOnCreate").asBoolean(), refs,
                    j.path("relationshipName").isNull() ? null : j.path("relationshipName").asString(null), picks,
                    j.get("restrictedPicklist").asBoolean(), -1,
                    j.path("childRelationshipName").isString() ? j.path("childRelationshipName").asString() : null,
                    j.path("createOnly").asBoolean(false)));
        }
        return t;
    }

    private static ObjectNode meta(EmulatorState state) {
        ObjectNode m = Json.object();
        ObjectNode pw = m.putObject("passwords");
        state.passwordHashes().forEach(pw::put);
        ArrayNode apps = m.putArray("apps");
        for (ConnectedApp a : state.apps()) {
            ObjectNode j = apps.addObject();
            j.put("name", a.name());
            j.put("clientId", a.clientId());
            j.put("clientSecret", a.clientSecret());
            a.callbackPatterns().forEach(j.putArray("callbacks")::add);
            a.scopes().forEach(j.putArray("scopes")::add);
            j.put("rotateRefreshTokens", a.rotateRefreshTokens());
            j.put("requirePkce", a.requirePkce());
        }
        ArrayNode grants = m.putArray("refreshTokens");
        for (RefreshGrant g : state.tokens().refreshGrants()) {
            ObjectNode j = grants.addObject();
            j.put("token", g.token());
            j.put("orgId", g.orgId());
            j.put("userId", g.userId());
            j.put("clientId", g.clientId());
            g.scopes().forEach(j.putArray("scopes")::add);
            j.put("createdAt", g.createdAt().toEpochMilli());
            j.put("lastUsed", g.lastUsed().toEpochMilli());
            j.put("revoked", g.revoked());
        }
        ArrayNode sessions = m.putArray("sessions");
        for (TokenStore.SessionSnapshot s : state.tokens().sessions()) {
            ObjectNode j = sessions.addObject();
            Session session = s.session();
            j.put("token", session.token());
            j.put("orgId", session.org().id());
            j.put("userId", session.userId());
            j.put("clientId", session.clientId());
            session.scopes().forEach(j.putArray("scopes")::add);
            j.put("issuedAt", session.issuedAt().toEpochMilli());
            j.put("lastUsed", s.lastUsed().toEpochMilli());
            j.put("refreshToken", session.refreshToken());
        }
        state.permissions().apiDisabledUsers().forEach(m.putArray("apiDisabledUsers")::add);
        return m;
    }

    private static void applyMeta(EmulatorState state, JsonNode m) {
        m.path("passwords").properties().forEach(e -> state.restorePasswordHash(e.getKey(), e.getValue().asString()));
        for (JsonNode a : m.path("apps")) {
            ConnectedApp app = state.addConnectedApp(a.get("name").asString(), a.get("clientId").asString(),
                    a.get("clientSecret").asString(), strings(a.get("callbacks")), new HashSet<>(strings(a.get("scopes"))));
            app.rotateRefreshTokens(a.get("rotateRefreshTokens").asBoolean());
            app.requirePkce(a.get("requirePkce").asBoolean());
        }
        for (JsonNode g : m.path("refreshTokens")) {
            RefreshGrant grant = new RefreshGrant(g.get("token").asString(), g.get("orgId").asString(), g.get("userId").asString(),
                    g.get("clientId").asString(), Set.copyOf(strings(g.get("scopes"))), Instant.ofEpochMilli(g.get("createdAt").asLong()));
            grant.lastUsed(Instant.ofEpochMilli(g.get("lastUsed").asLong()));
            if (g.get("revoked").asBoolean()) {
                grant.revoke();
            }
            state.tokens().restore(grant);
        }
        for (JsonNode s : m.path("sessions")) {
            state.org(s.get("orgId").asString()).ifPresent(org -> state.tokens().restore(
                    new Session(s.get("token").asString(), org, s.get("userId").asString(), s.get("clientId").asString(),
                            Set.copyOf(strings(s.get("scopes"))), Instant.ofEpochMilli(s.get("issuedAt").asLong()),
                            s.path("refreshToken").isNull() ? null : s.path("refreshToken").asString(null)),
                    Instant.ofEpochMilli(s.get("lastUsed").asLong())));
        }
        m.path("apiDisabledUsers").forEach(u -> state.permissions().disableApi(u.asString(), true));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> out.add(v.asString()));
        }
        return out;
    }
}
