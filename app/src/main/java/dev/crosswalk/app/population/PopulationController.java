package dev.crosswalk.app.population;

import dev.crosswalk.app.org.MemberPrincipal;
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
    private final PopulationService service;

    PopulationController(PopulationService service) {
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
            @RequestBody PopulationService.Draft draft) {
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
