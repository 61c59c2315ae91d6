package dev.crosswalk.app.web;

import dev.crosswalk.app.population.FieldProfile;
import dev.crosswalk.app.population.Filter;
import dev.crosswalk.app.population.Filter.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;

/**
 * The population builder's filter tree as an HTML form, and back. Each node is named by its path
 * ({@code r} the root group, {@code r-0} its first child, {@code r-0-2} …): {@code kind.<path>},
 * {@code logic.<path>}, {@code field.<path>}, {@code op.<path>}, {@code value.<path>}, {@code values.<path>}.
 * The form only carries the tree: what it means (validation, SQL) stays with the population
 * service, which the builder calls for its live count — never a second implementation.
 */
final class FilterForm {
    static final String GROUP = "group";
    static final String CONDITION = "condition";
    static final String OPEN_OPPORTUNITY = "openopp";

    private FilterForm() {
    }

    /** One node of the tree as the form shows it. */
    record Node(String path, String kind, String logic, String field, String op, String value, List<String> values,
            List<Node> children) {
        public boolean isGroup() {
            return GROUP.equals(kind);
        }

        public boolean isCondition() {
            return CONDITION.equals(kind);
        }

        public int depth() {
            return (int) path.chars().filter(c -> c == '-').count();
        }

        /** Conditions nest at most as deep as the service allows; the builder stops offering groups one level before. */
        public boolean mayAddGroup() {
            return depth() < 4;
        }
    }

    /** A condition as the builder renders it: its field's kind, the operators offered and the value widget. */
    record ConditionView(FieldProfile profile, List<Operator> operators, String widget) {
    }

    /** Parsed form: the tree, and what could not be read (an unknown operator), said in words. */
    record Parsed(Node root, List<String> problems) {
    }

    static Node emptyRoot() {
        return new Node("r", GROUP, "AND", null, null, null, List.of(), List.of());
    }

    static Parsed parse(MultiValueMap<String, String> form) {
        List<String> paths = form.getOrDefault("node", List.of()).stream().filter(p -> p.matches("r(-\\d{1,3}){0,8}")).distinct()
                .toList();
        if (paths.isEmpty() || !paths.contains("r")) {
            return new Parsed(emptyRoot(), List.of());
        }
        Node root = build("r", paths, form);
        return new Parsed(root, List.of());
    }

    private static Node build(String path, List<String> paths, MultiValueMap<String, String> form) {
        String kind = first(form, "kind." + path, path.equals("r") ? GROUP : CONDITION);
        if (path.equals("r")) {
            kind = GROUP;
        }
        List<Node> children = new ArrayList<>();
        if (GROUP.equals(kind)) {
            for (String p : paths) {
                if (p.startsWith(path + "-") && p.lastIndexOf('-') == path.length()) {
                    children.add(build(p, paths, form));
                }
            }
        }
        List<String> values = form.getOrDefault("values." + path, List.of()).stream().filter(v -> v != null && !v.isEmpty()).toList();
        return new Node(path, kind, "OR".equals(first(form, "logic." + path, "AND")) ? "OR" : "AND", first(form, "field." + path, null),
                first(form, "op." + path, null), first(form, "value." + path, null), values, children);
    }

    private static String first(MultiValueMap<String, String> form, String key, String fallback) {
        String v = form.getFirst(key);
        return v == null ? fallback : v;
    }

    /** Applies a builder button ({@code add-condition:r-0}, {@code add-group:r}, {@code add-openopp:r}, {@code remove:r-1}). */
    static Node apply(Node root, String action, String defaultField) {
        if (action == null || !action.contains(":")) {
            return root;
        }
        String verb = action.substring(0, action.indexOf(':'));
        String target = action.substring(action.indexOf(':') + 1);
        return applyAt(root, verb, target, defaultField);
    }

    private static Node applyAt(Node n, String verb, String target, String defaultField) {
        List<Node> children = new ArrayList<>();
        for (Node c : n.children()) {
            if (verb.equals("remove") && c.path().equals(target)) {
                continue;
            }
            children.add(applyAt(c, verb, target, defaultField));
        }
        if (n.path().equals(target) && n.isGroup()) {
            switch (verb) {
                case "add-condition" -> children.add(new Node("?", CONDITION, null, defaultField, null, null, List.of(), List.of()));
                case "add-group" -> children.add(new Node("?", GROUP, n.logic().equals("AND") ? "OR" : "AND", null, null, null, List.of(),
                        List.of(new Node("?", CONDITION, null, defaultField, null, null, List.of(), List.of()))));
                case "add-openopp" -> children.add(new Node("?", OPEN_OPPORTUNITY, null, null, null, null, List.of(), List.of()));
                default -> {
                }
            }
        }
        return new Node(n.path(), n.kind(), n.logic(), n.field(), n.op(), n.value(), n.values(), children);
    }

    /** Numbers the paths again from the root (after adding or removing nodes) and fills in operators a field needs. */
    static Node normalize(Node root, Map<String, FieldProfile> fields) {
        return renumber(root, "r", fields);
    }

    private static Node renumber(Node n, String path, Map<String, FieldProfile> fields) {
        List<Node> children = new ArrayList<>();
        for (int i = 0; i < n.children().size(); i++) {
            children.add(renumber(n.children().get(i), path + "-" + i, fields));
        }
        String op = n.op();
        if (n.isCondition() && (op == null || parseOperator(op) == null)) {
            FieldProfile f = fields.get(n.field());
            op = (f == null ? FieldProfile.Kind.TEXT : f.kind()).operators().get(0).name();
        }
        return new Node(path, n.kind(), n.logic(), n.field(), op, n.value(), n.values(), children);
    }

    /** The filter the tree stands for, or the problems that keep it from being one. */
    static Parsed check(Node root) {
        List<String> problems = new ArrayList<>();
        collect(root, problems);
        return new Parsed(root, problems);
    }

    private static void collect(Node n, List<String> problems) {
        if (n.isCondition() && parseOperator(n.op()) == null) {
            problems.add((n.field() == null ? "a condition" : n.field()) + ": choose an operator");
        }
        if (n.isCondition() && (n.field() == null || n.field().isBlank())) {
            problems.add("a condition has no field: choose one");
        }
        n.children().forEach(c -> collect(c, problems));
    }

    static Filter toFilter(Node n) {
        if (n.isGroup()) {
            return new Filter.Group(Filter.Logic.valueOf(n.logic()), n.children().stream().map(FilterForm::toFilter).toList());
        }
        if (OPEN_OPPORTUNITY.equals(n.kind())) {
            return new Filter.HasOpenOpportunity();
        }
        Operator op = parseOperator(n.op());
        String field = n.field() == null ? "" : n.field();
        if (op == Operator.IN || op == Operator.NOT_IN) {
            List<String> values = !n.values().isEmpty() ? n.values()
                    : n.value() == null ? List.of() : Arrays.stream(n.value().split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
            return new Filter.Condition(field, op, null, values);
        }
        if (op == Operator.IS_BLANK || op == Operator.IS_NOT_BLANK) {
            return new Filter.Condition(field, op, null, List.of());
        }
        return new Filter.Condition(field, op, n.value() == null ? null : n.value().strip(), List.of());
    }

    /** The tree of a stored filter (a lone condition is shown inside an AND group, which means the same). */
    static Node fromFilter(Filter f) {
        Node n = node(f);
        Node root = n.isGroup() ? n : new Node("r", GROUP, "AND", null, null, null, List.of(), List.of(n));
        return renumber(root, "r", Map.of());
    }

    private static Node node(Filter f) {
        if (f instanceof Filter.Group g) {
            return new Node("?", GROUP, g.logic().name(), null, null, null, List.of(), g.children().stream().map(FilterForm::node).toList());
        }
        if (f instanceof Filter.HasOpenOpportunity) {
            return new Node("?", OPEN_OPPORTUNITY, null, null, null, null, List.of(), List.of());
        }
        Filter.Condition c = (Filter.Condition) f;
        return new Node("?", CONDITION, null, c.field(), c.operator().name(), c.value(), c.values(), List.of());
    }

    static Operator parseOperator(String op) {
        if (op == null) {
            return null;
        }
        try {
            return Operator.valueOf(op);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** How a condition is shown: the operators for its field's kind (plus the one it has) and its value widget. */
    static ConditionView view(Node n, Map<String, FieldProfile> fields) {
        FieldProfile f = fields.getOrDefault(n.field(), new FieldProfile(Objects.toString(n.field(), ""), FieldProfile.Kind.TEXT, List.of()));
        List<Operator> ops = new ArrayList<>(f.kind().operators());
        Operator current = parseOperator(n.op());
        if (current != null && !ops.contains(current)) {
            ops.add(current);
        }
        String widget;
        if (current == Operator.IS_BLANK || current == Operator.IS_NOT_BLANK) {
            widget = "none";
        } else if (f.kind() == FieldProfile.Kind.PICKLIST && (current == Operator.IN || current == Operator.NOT_IN)) {
            widget = "multi";
        } else if (f.kind() == FieldProfile.Kind.PICKLIST && (current == Operator.EQUALS || current == Operator.NOT_EQUALS)) {
            widget = "single";
        } else {
            widget = "text";
        }
        return new ConditionView(f, ops, widget);
    }

    /** The values a picklist picker offers: those synced, plus any the condition already names. */
    static List<String> choices(Node n, FieldProfile f) {
        List<String> out = new ArrayList<>(f.values());
        for (String v : n.values()) {
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        if (n.value() != null && !n.value().isBlank() && !out.contains(n.value())) {
            out.add(n.value());
        }
        return out;
    }

    static String words(Operator op) {
        return switch (op) {
            case EQUALS -> "is";
            case NOT_EQUALS -> "is not";
            case IN -> "is any of";
            case NOT_IN -> "is none of";
            case CONTAINS -> "contains";
            case STARTS_WITH -> "starts with";
            case IS_BLANK -> "is blank";
            case IS_NOT_BLANK -> "is not blank";
            case GREATER_THAN -> "is greater than";
            case LESS_THAN -> "is less than";
        };
    }

    /** The fields the tree's conditions use (the sample rows show them). */
    static List<String> usedFields(Node n) {
        List<String> out = new ArrayList<>();
        if (n.isCondition() && n.field() != null && !n.field().isBlank()) {
            out.add(n.field());
        }
        n.children().forEach(c -> out.addAll(usedFields(c)));
        return out.stream().distinct().toList();
    }

    /** The filter in words, for the list page: {@code Type starts with "Customer"}. */
    static String describe(Filter f) {
        if (f instanceof Filter.Group g) {
            if (g.children().isEmpty()) {
                return g.logic() == Filter.Logic.AND ? "every record" : "no record";
            }
            String joined = g.children().stream().map(c -> c instanceof Filter.Group ? "(" + describe(c) + ")" : describe(c))
                    .collect(Collectors.joining(" " + g.logic().name().toLowerCase(Locale.ROOT) + " "));
            return joined;
        }
        if (f instanceof Filter.HasOpenOpportunity) {
            return "has an open Opportunity";
        }
        Filter.Condition c = (Filter.Condition) f;
        String value = switch (c.operator()) {
            case IS_BLANK, IS_NOT_BLANK -> "";
            case IN, NOT_IN -> " " + c.values().stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
            default -> " \"" + c.value() + "\"";
        };
        return c.field() + " " + words(c.operator()) + value;
    }

    static Map<String, FieldProfile> byName(List<FieldProfile> fields) {
        return fields.stream().collect(Collectors.toMap(FieldProfile::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
