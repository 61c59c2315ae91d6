package dev.crosswalk.app.population;

import dev.crosswalk.app.system.InputChecks;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/populations")
@Tag(name = "Populations", description = "Segments of your synced Accounts and Leads, kept current after each sync")
class PopulationController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PopulationService service;
    private final InputChecks inputChecks;

    PopulationController(PopulationService service, InputChecks inputChecks) {
        this.inputChecks = inputChecks;
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Your populations with their member counts (the standard ones included)")
    List<PopulationService.View> list(@AuthenticationPrincipal MemberPrincipal me) {
        return service.views(me);
    }

    @GetMapping("/{id}")
    PopulationService.View get(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        return service.view(me, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a custom population (Admins only); the filter is validated against the synced fields")
    PopulationService.View create(@AuthenticationPrincipal MemberPrincipal me, @RequestBody PopulationService.Draft draft) {
        return service.create(me, draft);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename a population or change its filter (Admins only); membership is recomputed")
    PopulationService.View update(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = PopulationService.Draft.class)))
            @RequestBody JsonNode body) {
        // The population is looked up before the body is read: another tenant's id is 404 whatever the body says.
        service.find(me.organizationId(), id);
        if (body == null || !body.isObject()) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "body: must be a JSON object with name and/or filter");
        }
        PopulationService.Draft draft;
        try {
            draft = JSON.treeToValue(body, PopulationService.Draft.class);
        } catch (JacksonException e) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "not a population: " + e.getOriginalMessage());
        }
        inputChecks.check(draft);
        return service.update(me, id, draft);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a custom population (Admins only)")
    void delete(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        service.delete(me, id);
    }

    @PostMapping("/preview")
    @Operation(summary = "Count and sample records a filter selects, without saving anything")
    PopulationService.Preview preview(@AuthenticationPrincipal MemberPrincipal me, @RequestBody PopulationService.Draft draft) {
        return service.preview(me, draft);
    }

    @GetMapping("/fields")
    @Operation(summary = "The synced fields a filter may use for a base object")
    Set<String> fields(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "Account") String object) {
        return service.fields(me, object);
    }
}
