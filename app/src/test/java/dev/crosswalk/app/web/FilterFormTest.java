package dev.crosswalk.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.population.FieldProfile;
import dev.crosswalk.app.population.Filter;
import dev.crosswalk.app.population.Filter.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class FilterFormTest {
    private static final Map<String, FieldProfile> FIELDS = FilterForm.byName(List.of(
            new FieldProfile("Type", FieldProfile.Kind.PICKLIST, List.of("Customer", "Prospect")),
            new FieldProfile("Name", FieldProfile.Kind.TEXT, List.of()),
            new FieldProfile("NumberOfEmployees", FieldProfile.Kind.NUMBER, List.of())));

    private static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> m = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.add(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void a_stored_filter_round_trips_through_the_form() {
        Filter f = Filter.Group.or(Filter.Condition.in("Type", List.of("Customer", "Prospect")),
                Filter.Group.and(Filter.Condition.of("Name", Operator.CONTAINS, "acme"), new Filter.HasOpenOpportunity()));
        FilterForm.Node root = FilterForm.fromFilter(f);
        assertThat(FilterForm.toFilter(root)).isEqualTo(f);
        assertThat(root.children().get(1).children().get(0).path()).isEqualTo("r-1-0");
    }

    @Test
    void the_form_fields_become_the_tree_in_their_order() {
        FilterForm.Node root = FilterForm.parse(form("node", "r", "logic.r", "OR", "node", "r-0", "kind.r-0", "condition", "field.r-0",
                "Type", "op.r-0", "IN", "values.r-0", "Prospect", "node", "r-1", "kind.r-1", "condition", "field.r-1", "Name", "op.r-1",
                "IN", "value.r-1", "a, b ,")).root();
        assertThat(FilterForm.toFilter(root)).isEqualTo(Filter.Group.or(Filter.Condition.in("Type", List.of("Prospect")),
                Filter.Condition.in("Name", List.of("a", "b"))));
    }

    @Test
    void adding_and_removing_nodes_renumbers_the_paths() {
        FilterForm.Node root = FilterForm.apply(FilterForm.emptyRoot(), "add-condition:r", "Type");
        root = FilterForm.apply(root, "add-group:r", "Type");
        root = FilterForm.normalize(root, FIELDS);
        assertThat(root.children()).extracting(FilterForm.Node::path).containsExactly("r-0", "r-1");
        assertThat(root.children().get(1).logic()).isEqualTo("OR");
        root = FilterForm.normalize(FilterForm.apply(root, "remove:r-0", "Type"), FIELDS);
        assertThat(root.children()).extracting(FilterForm.Node::path).containsExactly("r-0");
        assertThat(root.children().get(0).isGroup()).isTrue();
    }

    @Test
    void operators_follow_the_fields_kind_and_picklists_get_pickers() {
        FilterForm.Node number = new FilterForm.Node("r-0", FilterForm.CONDITION, null, "NumberOfEmployees", "GREATER_THAN", "10",
                List.of(), List.of());
        assertThat(FilterForm.view(number, FIELDS).operators()).contains(Operator.GREATER_THAN).doesNotContain(Operator.CONTAINS);
        assertThat(FilterForm.view(number, FIELDS).widget()).isEqualTo("text");
        FilterForm.Node type = new FilterForm.Node("r-0", FilterForm.CONDITION, null, "Type", "IN", null, List.of(), List.of());
        assertThat(FilterForm.view(type, FIELDS).widget()).isEqualTo("multi");
        FilterForm.Node blank = new FilterForm.Node("r-0", FilterForm.CONDITION, null, "Type", "IS_BLANK", null, List.of(), List.of());
        assertThat(FilterForm.view(blank, FIELDS).widget()).isEqualTo("none");
    }

    @Test
    void an_unknown_operator_is_a_problem_in_words_not_an_exception() {
        FilterForm.Node root = FilterForm.parse(form("node", "r", "node", "r-0", "kind.r-0", "condition", "field.r-0", "Name", "op.r-0",
                "DROP_TABLE")).root();
        // normalize falls back to the kind's first operator; check() on the raw tree names the problem.
        assertThat(FilterForm.check(root).problems()).containsExactly("Name: choose an operator");
        assertThat(FilterForm.normalize(root, FIELDS).children().get(0).op()).isEqualTo("CONTAINS");
    }

    @Test
    void filters_read_as_words_on_the_list() {
        assertThat(FilterForm.describe(Filter.Group.and(Filter.Condition.of("Type", Operator.STARTS_WITH, "Customer"),
                Filter.Group.or(new Filter.HasOpenOpportunity(), Filter.Condition.of("Name", Operator.IS_BLANK, null)))))
                .isEqualTo("Type starts with \"Customer\" and (has an open Opportunity or Name is blank)");
    }
}
