package dev.crosswalk.app.web;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.population.FieldProfile;
import dev.crosswalk.app.population.Population;
import dev.crosswalk.app.population.PopulationService;
import dev.crosswalk.app.population.StandardPopulation;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Populations: the list with member counts and the three standard ones explained, and the
 * builder (source object → filter tree → live count and sample rows). The builder's htmx requests
 * re-render the tree or just the preview; the count, the samples and every error come from
 * {@link PopulationService#preview}, the same validation and SQL the API and the saved population use.
 */
@Controller
class PopulationPages {
    private final PopulationService populations;

    PopulationPages(PopulationService populations) {
        this.populations = populations;
    }

    /** A standard population and what it means, in words. */
    record Standard(String name, String meaning) {
    }

    static final List<Standard> STANDARD = List.of(
            new Standard(StandardPopulation.CUSTOMERS.displayName(),
                    "Accounts whose Type starts with \"Customer\" (Customer, Customer - Direct, Customer - Channel): who pays you today."),
            new Standard(StandardPopulation.OPEN_OPPORTUNITIES.displayName(),
                    "Accounts with at least one synced Opportunity that is not closed: deals in flight where a partner can help."),
            new Standard(StandardPopulation.PROSPECTS.displayName(),
                    "Accounts whose Type is \"Prospect\": companies you are working to win."));

    @GetMapping("/populations")
    String list(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        List<PopulationService.View> views = populations.views(me);
        model.addAttribute("populations", views);
        model.addAttribute("standard", STANDARD);
        model.addAttribute("nothingSynced", views.stream().allMatch(v -> v.memberCount() == 0));
        model.addAttribute("form", new FormHelper(Map.of()));
        return "populations/list";
    }

    @GetMapping("/populations/new")
    String create(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "Account") String object, Model model) {
        OrganizationService.requireAdmin(me);
        String base = PopulationService.BASE_OBJECTS.contains(object) ? object : "Account";
        FilterForm.Node root = FilterForm.apply(FilterForm.emptyRoot(), "add-condition:r",
                defaultField(FilterForm.byName(populations.fieldProfiles(me, base))));
        return editor(me, null, "", base, root, model);
    }

    @GetMapping("/populations/{id}")
    String edit(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, Model model) {
        Population p = populations.find(me.organizationId(), id);
        return editor(me, p, p.name(), p.baseObject(), FilterForm.fromFilter(p.filter()), model);
    }

    /** htmx: the tree changed shape (a node added or removed, a field or the object changed): tree and preview again. */
    @PostMapping("/populations/builder")
    String builder(@AuthenticationPrincipal MemberPrincipal me, @RequestParam MultiValueMap<String, String> form, Model model) {
        String base = baseObject(form);
        Map<String, FieldProfile> fields = FilterForm.byName(populations.fieldProfiles(me, base));
        FilterForm.Node root = FilterForm.apply(FilterForm.parse(form).root(), form.getFirst("action"), defaultField(fields));
        builderModel(me, base, FilterForm.normalize(root, fields), fields, model);
        return "populations/edit :: builder";
    }

    /** htmx: a value or a group's logic changed: only the count and the samples (the field being typed in keeps focus). */
    @PostMapping("/populations/preview")
    String preview(@AuthenticationPrincipal MemberPrincipal me, @RequestParam MultiValueMap<String, String> form, Model model) {
        String base = baseObject(form);
        Map<String, FieldProfile> fields = FilterForm.byName(populations.fieldProfiles(me, base));
        builderModel(me, base, FilterForm.normalize(FilterForm.parse(form).root(), fields), fields, model);
        return "populations/builder :: preview";
    }

    @PostMapping("/populations")
    String save(@AuthenticationPrincipal MemberPrincipal me, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        return save(me, null, form, model, flash, response);
    }

    @PostMapping("/populations/{id}")
    String update(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        return save(me, populations.find(me.organizationId(), id), form, model, flash, response);
    }

    @PostMapping("/populations/{id}/delete")
    String delete(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        Population p = populations.find(me.organizationId(), id);
        try {
            populations.delete(me, id);
            flash.addFlashAttribute("message", "The population " + p.name() + " was deleted.");
        } catch (CrosswalkException e) {
            if (e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/populations";
    }

    private String save(MemberPrincipal me, Population existing, MultiValueMap<String, String> form, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        OrganizationService.requireAdmin(me);
        String base = existing != null ? existing.baseObject() : baseObject(form);
        String name = form.getFirst("name") == null ? "" : form.getFirst("name");
        Map<String, FieldProfile> fields = FilterForm.byName(populations.fieldProfiles(me, base));
        FilterForm.Parsed parsed = FilterForm.check(FilterForm.normalize(FilterForm.parse(form).root(), fields));
        try {
            if (!parsed.problems().isEmpty()) {
                throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "filter: " + String.join("; ", parsed.problems()));
            }
            PopulationService.Draft draft = new PopulationService.Draft(name, base, FilterForm.toFilter(parsed.root()));
            PopulationService.View saved = existing == null ? populations.create(me, draft) : populations.update(me, existing.id(), draft);
            flash.addFlashAttribute("message", "Saved " + saved.population().name() + ": " + String.format("%,d", saved.memberCount())
                    + (saved.memberCount() == 1 ? " member." : " members."));
            return "redirect:/populations";
        } catch (CrosswalkException e) {
            if (e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.NOT_FOUND) {
                throw e;
            }
            // The form comes back as it was typed, with the reason next to it: never a 500, never lost input.
            response.setStatus(e.code().status().value());
            model.addAttribute("saveError", e.getMessage());
            return editor(me, existing, name, base, parsed.root(), model);
        }
    }

    private String editor(MemberPrincipal me, Population existing, String name, String base, FilterForm.Node root, Model model) {
        Map<String, FieldProfile> fields = FilterForm.byName(populations.fieldProfiles(me, base));
        model.addAttribute("existing", existing);
        // Computed here: Thymeleaf refuses fragment parameters whose text looks like "new …" (instantiation).
        model.addAttribute("pageTitle", existing == null ? "Create a population" : existing.name());
        model.addAttribute("name", name);
        model.addAttribute("objects", PopulationService.BASE_OBJECTS);
        model.addAttribute("standardMeaning", existing == null || existing.standardKind() == null ? null
                : STANDARD.stream().filter(s -> s.name().equals(existing.standardKind().displayName())).findFirst().map(Standard::meaning)
                        .orElse(null));
        builderModel(me, base, FilterForm.normalize(root, fields), fields, model);
        return "populations/edit";
    }

    /** The tree, the field catalogue and the live preview (or the reasons there is none). */
    private void builderModel(MemberPrincipal me, String base, FilterForm.Node root, Map<String, FieldProfile> fields, Model model) {
        model.addAttribute("base", base);
        model.addAttribute("root", root);
        model.addAttribute("fields", fields);
        model.addAttribute("form", new FormHelper(fields));
        model.addAttribute("shown", FilterForm.usedFields(root).stream().filter(f -> !f.equals("Name")).limit(3).toList());
        FilterForm.Parsed checked = FilterForm.check(root);
        if (!checked.problems().isEmpty()) {
            model.addAttribute("problems", checked.problems());
            return;
        }
        try {
            model.addAttribute("preview", populations.preview(me, new PopulationService.Draft("preview", base, FilterForm.toFilter(root))));
        } catch (CrosswalkException e) {
            if (e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.NOT_FOUND) {
                throw e;
            }
            // "filter: a; b; c" from the service's validation, one line per problem.
            String detail = e.getMessage().startsWith("filter: ") ? e.getMessage().substring("filter: ".length()) : e.getMessage();
            model.addAttribute("problems", List.of(detail.split("; ")));
        }
    }

    private static String baseObject(MultiValueMap<String, String> form) {
        String object = form.getFirst("baseObject");
        return object != null && PopulationService.BASE_OBJECTS.contains(object) ? object : "Account";
    }

    private static String defaultField(Map<String, FieldProfile> fields) {
        return fields.containsKey("Type") ? "Type" : fields.containsKey("Name") ? "Name" : fields.keySet().stream().findFirst().orElse("Name");
    }

    /** What the builder template asks about a node (Thymeleaf calls it as {@code ${form.view(n)}}). */
    static final class FormHelper {
        private final Map<String, FieldProfile> fields;

        FormHelper(Map<String, FieldProfile> fields) {
            this.fields = fields;
        }

        public FilterForm.ConditionView view(FilterForm.Node n) {
            return FilterForm.view(n, fields);
        }

        public List<String> choices(FilterForm.Node n) {
            return FilterForm.choices(n, FilterForm.view(n, fields).profile());
        }

        public String words(dev.crosswalk.app.population.Filter.Operator op) {
            return FilterForm.words(op);
        }

        public String describe(dev.crosswalk.app.population.Filter f) {
            return FilterForm.describe(f);
        }

        public List<String> fieldNames(FilterForm.Node n) {
            List<String> out = new java.util.ArrayList<>(fields.keySet());
            if (n.field() != null && !n.field().isBlank() && !out.contains(n.field())) {
                out.add(n.field());
            }
            return out;
        }

        public int pickerSize(FilterForm.Node n) {
            return Math.min(6, Math.max(2, choices(n).size()));
        }

        public String kindWord(FilterForm.Node n) {
            return switch (FilterForm.view(n, fields).profile().kind()) {
                case NUMBER -> "number";
                case PICKLIST -> "picklist";
                case TEXT -> "text";
            };
        }
    }
}
