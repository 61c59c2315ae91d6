package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.ChildRelationships;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.SObjectType.AccessModel;
import dev.crosswalk.emulator.security.EffectiveAccess;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Page layouts as the describe layouts resources return them: {@code /sobjects/{type}/describe/layouts}
 * (every record type's layout: the emulator has only the Master record type),
 * {@code …/describe/layouts/{recordTypeId}}, {@code …/describe/compactLayouts} and
 * {@code …/describe/compactLayouts/primary}, and {@code …/describe/namedLayouts/{name}}, which
 * answers {@code NOT_FOUND} because the emulator's objects have no named layouts (describe lists
 * {@code namedLayoutInfos} empty).
 *
 * <p>Each object has one generated layout: an "Information" section with the readable, non-system
 * fields in schema order (two columns), a "System Information" section with the audit lookups, and
 * one related list per readable child relationship. Objects that are not layoutable (setup objects)
 * answer {@code NOT_FOUND} as in Salesforce.
 */
final class LayoutRoutes {
    private final EmulatorState state;

    private LayoutRoutes(EmulatorState state) {
        this.state = state;
    }

    static void register(Router router, EmulatorState state, ApiGate gate) {
        LayoutRoutes r = new LayoutRoutes(state);
        String base = "/services/data/{version}/sobjects/{type}/describe";
        router.get(base + "/layouts", gate.protect(r::layouts));
        router.get(base + "/layouts/{recordTypeId}", gate.protect(r::layout));
        router.get(base + "/compactLayouts", gate.protect(r::compactLayouts));
        router.get(base + "/compactLayouts/{name}", gate.protect(r::compactLayout));
        router.get(base + "/namedLayouts/{name}", gate.protect(req -> {
            layoutableType(state, req);
            throw ApiException.notFound();
        }));
    }

    private Response layouts(Request req) {
        SObjectType type = layoutableType(state, req);
        View v = view(req, type);
        ObjectNode n = Json.object();
        n.putArray("layouts").add(v.layout());
        ObjectNode mapping = n.putArray("recordTypeMappings").addObject();
        mapping.put("available", true);
        mapping.put("defaultRecordTypeMapping", true);
        mapping.put("developerName", "Master");
        mapping.put("layoutId", layoutId(type));
        mapping.put("master", true);
        mapping.put("name", "Master");
        mapping.putArray("picklistsForRecordType");
        mapping.put("recordTypeId", Describer.MASTER_RECORD_TYPE_ID);
        mapping.putObject("urls").put("layout", v.sobjectUrl() + "/describe/layouts/" + Describer.MASTER_RECORD_TYPE_ID);
        n.putArray("recordTypeSelectorRequired").add(false);
        return Response.json(200, n);
    }

    private Response layout(Request req) {
        SObjectType type = layoutableType(state, req);
        String rt = Ids.normalize(req.pathVar("recordTypeId")).orElse("");
        if (!rt.equals(Describer.MASTER_RECORD_TYPE_ID)) {
            throw ApiException.notFound();
        }
        return Response.json(200, view(req, type).layout());
    }

    private Response compactLayouts(Request req) {
        SObjectType type = layoutableType(state, req);
        ObjectNode compact = view(req, type).compactLayout();
        ObjectNode n = Json.object();
        n.putArray("compactLayouts").add(compact);
        // The system default compact layout has no id (Salesforce answers null until an admin makes one).
        n.putNull("defaultCompactLayoutId");
        ObjectNode mapping = n.putArray("recordTypeCompactLayoutMappings").addObject();
        mapping.put("available", true);
        mapping.putNull("compactLayoutId");
        mapping.put("compactLayoutName", "SYSTEM");
        mapping.put("recordTypeId", Describer.MASTER_RECORD_TYPE_ID);
        mapping.put("recordTypeName", "Master");
        n.putObject("urls").put("compactLayouts", req.path());
        return Response.json(200, n);
    }

    private Response compactLayout(Request req) {
        SObjectType type = layoutableType(state, req);
        if (!req.pathVar("name").equalsIgnoreCase("primary")) {
            throw ApiException.notFound();
        }
        return Response.json(200, view(req, type).compactLayout());
    }

    static SObjectType layoutableType(EmulatorState state, Request req) {
        Session s = req.session();
        EffectiveAccess access = state.permissions().access(s.org(), s.userId());
        return s.org().type(req.pathVar("type"))
                .filter(access::canRead)
                .filter(t -> t.accessModel() == AccessModel.CRUD)
                .orElseThrow(ApiException::notFound);
    }

    private View view(Request req, SObjectType type) {
        Session s = req.session();
        EffectiveAccess access = state.permissions().access(s.org(), s.userId());
        return new View(new Describer(s.org(), access, req.apiVersion(), state.baseUrl()), access, s, type,
                "/services/data/v" + req.apiVersion() + "/sobjects/" + type.name());
    }

    /** A stable layout id per object: key prefix {@code 00h}, numbered by the object's own prefix. */
    static String layoutId(SObjectType type) {
        return Ids.to18(Ids.id15("00h", Math.abs((long) type.name().hashCode()) % 1_000_000_000L));
    }

    private record View(Describer describer, EffectiveAccess access, Session session, SObjectType type, String sobjectUrl) {

        ObjectNode layout() {
            List<FieldDef> info = new ArrayList<>();
            List<FieldDef> system = new ArrayList<>();
            for (FieldDef f : type.fields()) {
                if (!access.canReadField(type, f) || f.name().equals("Id") || f.name().equals("IsDeleted")) {
                    continue;
                }
                (f.system() ? system : info).add(f);
            }
            ObjectNode n = Json.object();
            n.putObject("buttonLayoutSection").putArray("detailButtons");
            ArrayNode detail = n.putArray("detailLayoutSections");
            detail.add(section(type.label() + " Information", info, 1));
            detail.add(section("System Information", system, 2));
            n.putArray("editLayoutSections").add(section(type.label() + " Information", editable(info), 1));
            n.putNull("feedView");
            n.putNull("highlightsPanelLayoutSection");
            n.put("id", layoutId(type));
            n.putArray("multirowEditLayoutSections");
            n.putArray("offlineLinks");
            n.putObject("quickActionList").putArray("quickActionListItems");
            n.putNull("relatedContent");
            n.set("relatedLists", relatedLists());
            n.putArray("saveOptions");
            return n;
        }

        private List<FieldDef> editable(List<FieldDef> fields) {
            return fields.stream().filter(f -> f.updateable() && access.canEditField(type, f)).toList();
        }

        private ObjectNode section(String heading, List<FieldDef> fields, int number) {
            ObjectNode s = Json.object();
            s.put("collapsed", false);
            s.put("columns", 2);
            s.put("heading", heading);
            ArrayNode rows = s.putArray("layoutRows");
            for (int i = 0; i < fields.size(); i += 2) {
                ObjectNode row = rows.addObject();
                ArrayNode items = row.putArray("layoutItems");
                for (int j = i; j < Math.min(i + 2, fields.size()); j++) {
                    items.add(item(fields.get(j), j + 1));
                }
                row.put("numItems", items.size());
            }
            s.put("layoutSectionId", Ids.to18(Ids.id15("01B", number)));
            s.put("parentLayoutId", layoutId(type));
            s.put("rows", rows.size());
            s.put("tabOrder", "TopToBottom");
            s.put("useCollapsibleSection", false);
            s.put("useHeading", true);
            return s;
        }

        private ObjectNode item(FieldDef f, int tabOrder) {
            boolean editable = f.updateable() && !f.system() && access.canEditField(type, f);
            ObjectNode item = Json.object();
            item.put("editableForNew", editable);
            item.put("editableForUpdate", editable);
            item.put("label", f.label());
            ObjectNode c = item.putArray("layoutComponents").addObject();
            c.set("details", describer.field(type, f));
            c.put("displayLines", 1);
            c.put("tabOrder", tabOrder);
            c.put("type", "Field");
            c.put("value", f.name());
            item.put("placeholder", false);
            item.put("required", f.required());
            return item;
        }

        private ArrayNode relatedLists() {
            ArrayNode out = Json.array();
            for (SObjectType child : session.org().types()) {
                if (!access.canRead(child) || child.accessModel() != AccessModel.CRUD) {
                    continue;
                }
                for (FieldDef f : child.fields()) {
                    String name = f.isReference() && f.referenceTo().contains(type.name()) && access.canReadField(child, f)
                            ? ChildRelationships.name(child, f) : null;
                    if (name == null) {
                        continue;
                    }
                    ObjectNode r = out.addObject();
                    r.putArray("buttons");
                    ArrayNode columns = r.putArray("columns");
                    child.nameField().filter(nf -> access.canReadField(child, nf)).ifPresent(nf -> {
                        ObjectNode col = columns.addObject();
                        col.put("field", child.name() + "." + nf.name());
                        col.put("fieldApiName", nf.name());
                        col.putNull("format");
                        col.put("label", nf.label());
                        col.put("lookupId", "Id");
                        col.put("name", nf.name());
                        col.put("sortable", true);
                    });
                    r.put("custom", child.custom());
                    r.put("field", f.name());
                    r.put("label", child.labelPlural());
                    r.put("limitRows", 5);
                    r.put("name", name);
                    r.put("sobject", child.name());
                    r.putArray("sort");
                }
            }
            return out;
        }

        ObjectNode compactLayout() {
            ObjectNode n = Json.object();
            n.putArray("actions");
            ArrayNode fields = n.putArray("fieldItems");
            int order = 1;
            for (FieldDef f : type.fields()) {
                if ((f.nameField() || f.name().equals("OwnerId")) && access.canReadField(type, f)) {
                    fields.add(item(f, order++));
                }
            }
            n.putNull("id");
            n.putArray("imageItems");
            n.put("label", "System Default");
            n.put("name", "SYSTEM");
            n.put("objectType", type.name());
            return n;
        }
    }
}
