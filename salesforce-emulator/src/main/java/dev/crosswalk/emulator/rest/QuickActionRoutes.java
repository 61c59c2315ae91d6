package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.data.DataService;
import dev.crosswalk.emulator.data.FieldInput;
import dev.crosswalk.emulator.data.RecordInput;
import dev.crosswalk.emulator.data.SaveResult;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.EffectiveAccess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Quick actions: the global create actions a new org has ({@code NewTask}, {@code LogACall},
 * {@code NewEvent}, {@code NewContact}, {@code NewCase}) at {@code /quickActions} and, with the
 * context object's lookup filled in, under {@code /sobjects/{type}/quickActions} for every object
 * the target can point at. Each answers {@code /describe}, {@code /defaultValues} (and
 * {@code /defaultValues/{contextId}}), and {@code POST} (invoke: creates the target record from the
 * defaults, the context and the given {@code record}, with the caller's access). An action whose
 * target the caller cannot create is not listed and answers {@code NOT_FOUND}.
 */
final class QuickActionRoutes {
    /** name, label, target object, fields the action's layout shows, default values. */
    private record Action(String name, String label, String target, String type, List<String> fields,
            Map<String, String> defaults) {
    }

    private static final List<Action> ACTIONS = List.of(
            new Action("NewTask", "New Task", "Task", "Create", List.of("Subject", "ActivityDate", "WhoId", "WhatId", "Status", "Priority", "OwnerId"),
                    Map.of("Status", "Not Started", "Priority", "Normal")),
            new Action("LogACall", "Log a Call", "Task", "LogACall", List.of("Subject", "Description", "WhoId", "WhatId"),
                    Map.of("Subject", "Call", "Status", "Completed", "Priority", "Normal", "TaskSubtype", "Call")),
            new Action("NewEvent", "New Event", "Event", "Create", List.of("Subject", "StartDateTime", "EndDateTime", "WhoId", "WhatId", "Location"),
                    Map.of()),
            new Action("NewContact", "New Contact", "Contact", "Create", List.of("LastName", "FirstName", "AccountId", "Email", "Phone", "Title"),
                    Map.of()),
            new Action("NewCase", "New Case", "Case", "Create", List.of("ContactId", "AccountId", "Status", "Subject", "Description"),
                    Map.of("Status", "New", "Priority", "Medium")));

    private final EmulatorState state;
    private final DataService data;

    private QuickActionRoutes(EmulatorState state) {
        this.state = state;
        this.data = new DataService(state);
    }

    static void register(Router router, EmulatorState state, ApiGate gate) {
        QuickActionRoutes r = new QuickActionRoutes(state);
        for (String base : List.of("/services/data/{version}/quickActions", "/services/data/{version}/sobjects/{type}/quickActions")) {
            router.get(base, gate.protect(r::list));
            router.get(base + "/{action}", gate.protect(req -> Response.json(200, r.describe(req, r.action(req)))));
            router.get(base + "/{action}/describe", gate.protect(req -> Response.json(200, r.describe(req, r.action(req)))));
            router.get(base + "/{action}/defaultValues", gate.protect(req -> r.defaults(req, null)));
            router.get(base + "/{action}/defaultValues/{contextId}", gate.protect(req -> r.defaults(req, req.pathVar("contextId"))));
            router.post(base + "/{action}", gate.protect(r::invoke));
        }
    }

    private EffectiveAccess access(Request req) {
        Session s = req.session();
        return state.permissions().access(s.org(), s.userId());
    }

    /** The context object of an object-specific path, or empty for a global action. */
    private Optional<SObjectType> context(Request req) {
        String type = req.pathVar("type");
        return type == null ? Optional.empty() : Optional.of(SObjectRoutes.visibleType(state, req, type));
    }

    /** The lookup on the target that points at the context object (WhatId, AccountId…). */
    private static Optional<FieldDef> parentField(SObjectType target, SObjectType context) {
        return target.fields().stream()
                .filter(f -> f.isReference() && f.referenceTo().contains(context.name()) && !f.system() && f.updateable())
                .findFirst();
    }

    private List<Action> available(Request req) {
        EffectiveAccess access = access(req);
        Optional<SObjectType> context = context(req);
        return ACTIONS.stream().filter(a -> {
            Optional<SObjectType> target = req.session().org().type(a.target());
            if (target.isEmpty() || !access.canRead(target.get()) || !access.object(target.get()).create()) {
                return false;
            }
            return context.isEmpty() || parentField(target.get(), context.get()).isPresent();
        }).toList();
    }

    private Action action(Request req) {
        String name = req.pathVar("action");
        String bare = name.contains(".") ? name.substring(name.indexOf('.') + 1) : name;
        return available(req).stream().filter(a -> a.name().equalsIgnoreCase(bare)).findFirst()
                .orElseThrow(ApiException::notFound);
    }

    private String path(Request req, Action a) {
        String base = "/services/data/v" + req.apiVersion();
        return context(req).map(t -> base + "/sobjects/" + t.name() + "/quickActions/" + a.name())
                .orElse(base + "/quickActions/" + a.name());
    }

    private Response list(Request req) {
        ArrayNode out = Json.array();
        for (Action a : available(req)) {
            ObjectNode n = out.addObject();
            n.put("actionEnumOrId", a.name());
            n.put("label", a.label());
            n.put("name", context(req).map(t -> t.name() + "." + a.name()).orElse(a.name()));
            n.put("type", a.type());
            ObjectNode urls = n.putObject("urls");
            urls.put("defaultValues", path(req, a) + "/defaultValues");
            urls.put("quickAction", path(req, a));
            urls.put("describe", path(req, a) + "/describe");
            urls.put("defaultValuesTemplate", path(req, a) + "/defaultValues/{ID}");
        }
        return Response.json(200, out);
    }

    private ObjectNode describe(Request req, Action a) {
        SObjectType target = req.session().org().type(a.target()).orElseThrow();
        Optional<SObjectType> context = context(req);
        Describer describer = new Describer(req.session().org(), access(req), req.apiVersion(), state.baseUrl());
        ObjectNode n = Json.object();
        n.putNull("accessLevelRequired");
        n.put("actionEnumOrId", a.name());
        n.putNull("canvasApplicationId");
        n.putArray("colors");
        n.put("contextSobjectType", context.map(SObjectType::name).orElse(null));
        n.set("defaultValues", Json.array());
        n.putNull("flowDevName");
        n.putNull("height");
        n.putNull("iconName");
        n.putNull("iconUrl");
        n.putArray("icons");
        n.put("label", a.label());
        ObjectNode layout = n.putObject("layout");
        layout.put("collapsed", false);
        layout.put("columns", 1);
        layout.putNull("heading");
        ArrayNode rows = layout.putArray("layoutRows");
        for (String name : a.fields()) {
            target.field(name).filter(f -> access(req).canReadField(target, f)).ifPresent(f -> {
                ObjectNode item = rows.addObject().putArray("layoutItems").addObject();
                boolean editable = f.updateable() && access(req).canEditField(target, f);
                item.put("editableForNew", editable);
                item.put("editableForUpdate", editable);
                item.put("label", f.label());
                ObjectNode c = item.putArray("layoutComponents").addObject();
                c.set("details", describer.field(target, f));
                c.put("displayLines", 1);
                c.put("tabOrder", rows.size());
                c.put("type", "Field");
                c.put("value", f.name());
                item.put("placeholder", false);
                item.put("required", f.required());
            });
        }
        layout.put("rows", rows.size());
        layout.put("useCollapsibleSection", false);
        layout.put("useHeading", false);
        n.putNull("lightningComponentBundleId");
        n.putNull("miniIconUrl");
        n.put("name", context.map(t -> t.name() + "." + a.name()).orElse(a.name()));
        n.put("showQuickActionLcHeader", false);
        n.put("showQuickActionVfHeader", false);
        n.put("targetParentField", context.flatMap(t -> parentField(target, t)).map(FieldDef::name).orElse(null));
        n.putNull("targetRecordTypeId");
        n.put("targetSobjectType", target.name());
        n.put("type", a.type());
        n.putNull("visualforcePageName");
        n.putNull("width");
        return n;
    }

    /** The values the action's form starts with: its defaults and, with a context record, the parent lookup. */
    private Map<String, String> defaultValues(Request req, Action a, String contextId) {
        SObjectType target = req.session().org().type(a.target()).orElseThrow();
        Map<String, String> values = new LinkedHashMap<>(a.defaults());
        Optional<SObjectType> context = context(req);
        if (contextId != null && context.isPresent()) {
            String id = Ids.normalize(contextId).filter(x -> x.startsWith(context.get().keyPrefix()))
                    .orElseThrow(() -> ApiException.badRequest("MALFORMED_ID", "Invalid context id: " + contextId));
            parentField(target, context.get()).ifPresent(f -> values.put(f.name(), id));
        }
        return values;
    }

    private Response defaults(Request req, String contextId) {
        Action a = action(req);
        ObjectNode n = Json.object();
        n.putObject("attributes").put("type", a.target());
        defaultValues(req, a, contextId).forEach(n::put);
        return Response.json(200, n);
    }

    /** {@code POST …/quickActions/{action}} {@code {"contextId", "record": {…}}}: creates the target record. */
    private Response invoke(Request req) {
        Action a = action(req);
        JsonNode body = req.json();
        String contextId = body.path("contextId").isString() ? body.path("contextId").asString() : null;
        RecordInput input = RecordInput.fromJson(Json.object());
        for (Map.Entry<String, String> e : defaultValues(req, a, contextId).entrySet()) {
            input = input.with(e.getKey(), new FieldInput.Text(e.getValue()));
        }
        JsonNode record = body.path("record");
        if (record.isObject()) {
            RecordInput given = RecordInput.fromJson(record);
            for (String name : record.propertyNames()) {
                if (!name.equals("attributes")) {
                    input = input.with(name, given.find(name).orElseThrow().getValue());
                }
            }
        }
        SaveResult result = DataJson.orThrow(data.create(req.session().org(), req.session().userId(), a.target(), input));
        ObjectNode n = Json.object();
        if (contextId == null) {
            n.putNull("contextId");
        } else {
            n.put("contextId", contextId);
        }
        n.put("created", true);
        n.putArray("errors");
        n.putArray("feedItemIds");
        n.put("id", result.id());
        n.putArray("ids").add(result.id());
        n.put("success", true);
        return Response.json(200, n);
    }
}
