package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.SObjectType.AccessModel;
import dev.crosswalk.emulator.security.EffectiveAccess;
import dev.crosswalk.emulator.soql.PreparedQuery;
import dev.crosswalk.emulator.soql.QueryOptions;
import dev.crosswalk.emulator.soql.SoqlEngine;
import dev.crosswalk.emulator.soql.SoqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /search?q=<SOSL>}: {@code FIND {term} [IN ALL|NAME|EMAIL|PHONE FIELDS]
 * [RETURNING Object[(fields [WHERE …] [ORDER BY …] [LIMIT n])], …] [LIMIT n]}, answered as
 * {@code {"searchRecords": [{attributes, fields…}]}}.
 *
 * <p>Matching: every word of the term (quoted phrases stay whole) must occur, case-insensitively, in
 * some searchable text field of the scope; {@code *} matches any characters and {@code ?} one, as in
 * Salesforce. There is no search index or relevance ranking: matches come in store order per object,
 * objects in RETURNING order. Each object's field list, WHERE and ORDER BY run through the SOQL engine
 * (so they are checked like SOQL), LIMIT applies after matching. Without RETURNING every searchable
 * object is searched and rows carry only their attributes and Id.
 */
final class SearchRoutes {
    static final int MAX_ROWS = 2000;
    private static final Pattern FIND = Pattern.compile(
            "(?is)^\\s*FIND\\s*\\{(.*?)}\\s*(?:IN\\s+(ALL|NAME|EMAIL|PHONE)\\s+FIELDS)?\\s*(?:RETURNING\\s+(.*?))?\\s*(?:LIMIT\\s+(\\d+))?\\s*$");
    private static final Pattern CLAUSE = Pattern.compile("(?i)\\b(WHERE|ORDER\\s+BY|LIMIT|OFFSET)\\b");

    private final EmulatorState state;
    private final SoqlEngine engine = new SoqlEngine();

    private SearchRoutes(EmulatorState state) {
        this.state = state;
    }

    static void register(Router router, EmulatorState state, ApiGate gate) {
        SearchRoutes r = new SearchRoutes(state);
        router.get("/services/data/{version}/search", gate.protect(r::search));
    }

    private record Spec(String object, String inner) {
    }

    private Response search(Request req) {
        String sosl = req.query("q");
        if (sosl == null || sosl.isBlank()) {
            throw ApiException.badRequest("MALFORMED_SEARCH", "No search term found. The search term must be enclosed in braces.");
        }
        Matcher m = FIND.matcher(sosl);
        if (!m.matches()) {
            throw ApiException.badRequest("MALFORMED_SEARCH", "line 1:0 no viable alternative at character ' '. "
                    + "Expected FIND {term} [IN scope FIELDS] [RETURNING …]");
        }
        List<Pattern> words = words(m.group(1));
        String scope = m.group(2) == null ? "ALL" : m.group(2).toUpperCase(Locale.ROOT);
        int overall = m.group(4) == null ? MAX_ROWS : Math.min(MAX_ROWS, Integer.parseInt(m.group(4)));
        Session s = req.session();
        Org org = s.org();
        EffectiveAccess access = state.permissions().access(org, s.userId());
        List<Spec> specs = m.group(3) == null ? allObjects(org, access) : specs(m.group(3));
        List<PreparedQuery> queries = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        for (Spec spec : specs) {
            String inner = spec.inner() == null || spec.inner().isBlank() ? "Id" : spec.inner();
            Matcher c = CLAUSE.matcher(inner);
            String fields = c.find() ? inner.substring(0, c.start()) : inner;
            String rest = c.find(0) ? inner.substring(c.start()) : "";
            Integer limit = null;
            Matcher lm = Pattern.compile("(?i)\\bLIMIT\\s+(\\d+)\\s*$").matcher(rest);
            if (lm.find()) {
                limit = Integer.parseInt(lm.group(1));
                rest = rest.substring(0, lm.start());
            }
            String soql = "SELECT " + fields + " FROM " + spec.object() + " " + rest;
            try {
                queries.add(engine.prepare(org, EffectiveQueryAccess.of(access), soql, QueryOptions.QUERY));
            } catch (SoqlException e) {
                throw ApiException.badRequest(e.errorCode(), e.getMessage());
            }
            limits.add(limit);
        }
        RecordJson json = new RecordJson(org, req.apiVersion());
        ObjectNode body = org.read(() -> {
            ArrayNode records = Json.array();
            int left = overall;
            for (int i = 0; i < queries.size() && left > 0; i++) {
                PreparedQuery q = queries.get(i);
                List<FieldDef> searchable = searchable(q.type(), scope, access);
                List<Record> hits = new ArrayList<>();
                int max = Math.min(left, limits.get(i) == null ? left : limits.get(i));
                for (Record r : q.execute()) {
                    if (hits.size() >= max) {
                        break;
                    }
                    if (matches(r, searchable, words)) {
                        hits.add(r);
                    }
                }
                records.addAll(QueryRoutes.page(json, q, hits, 0, hits.size()));
                left -= hits.size();
            }
            ObjectNode n = Json.object();
            n.set("searchRecords", records);
            return n;
        });
        return Response.json(200, body);
    }

    /** Words of the term as patterns; a term shorter than two characters is refused, as in Salesforce. */
    private static List<Pattern> words(String term) {
        List<Pattern> out = new ArrayList<>();
        Matcher w = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(term.trim());
        while (w.find()) {
            String word = w.group(1) != null ? w.group(1) : w.group(2);
            if (word.equalsIgnoreCase("AND") || word.equalsIgnoreCase("OR")) {
                continue;
            }
            StringBuilder regex = new StringBuilder();
            for (char ch : word.toCharArray()) {
                regex.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
            }
            out.add(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        if (term.replace("*", "").replace("?", "").trim().length() < 2) {
            throw ApiException.badRequest("INVALID_SEARCH", "search term must be longer than one character: " + term);
        }
        return out;
    }

    private static boolean matches(Record r, List<FieldDef> fields, List<Pattern> words) {
        for (Pattern word : words) {
            boolean found = false;
            for (FieldDef f : fields) {
                if (r.get(f) instanceof String s && word.matcher(s).find()) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static List<FieldDef> searchable(SObjectType t, String scope, EffectiveAccess access) {
        List<FieldDef> out = new ArrayList<>();
        for (FieldDef f : t.fields()) {
            if (!access.canReadField(t, f) || !f.type().isText() || f.type() == FieldType.ID || f.type() == FieldType.REFERENCE) {
                continue;
            }
            boolean in = switch (scope) {
                case "NAME" -> f.nameField() || f.name().equals("FirstName") || f.name().equals("LastName")
                        || f.name().equals("Company") || f.name().equals("Name");
                case "EMAIL" -> f.type() == FieldType.EMAIL;
                case "PHONE" -> f.type() == FieldType.PHONE;
                default -> true;
            };
            if (in) {
                out.add(f);
            }
        }
        return out;
    }

    private static List<Spec> allObjects(Org org, EffectiveAccess access) {
        List<Spec> out = new ArrayList<>();
        for (SObjectType t : org.types()) {
            if (t.accessModel() == AccessModel.CRUD && access.canRead(t)) {
                out.add(new Spec(t.name(), "Id"));
            }
        }
        return out;
    }

    /** {@code Account(Id, Name WHERE …), Contact} → specs, splitting on top-level commas. */
    private static List<Spec> specs(String returning) {
        List<Spec> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i <= returning.length(); i++) {
            char ch = i < returning.length() ? returning.charAt(i) : ',';
            if (ch == '\'' && (i == 0 || returning.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (quoted) {
                continue;
            }
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                String part = returning.substring(start, i).trim();
                start = i + 1;
                if (part.isEmpty()) {
                    throw ApiException.badRequest("MALFORMED_SEARCH", "unexpected ',' in RETURNING");
                }
                int paren = part.indexOf('(');
                if (paren < 0) {
                    out.add(new Spec(part, null));
                } else {
                    if (!part.endsWith(")")) {
                        throw ApiException.badRequest("MALFORMED_SEARCH", "unbalanced parentheses in RETURNING: " + part);
                    }
                    out.add(new Spec(part.substring(0, paren).trim(), part.substring(paren + 1, part.length() - 1)));
                }
            }
        }
        return out;
    }
}
