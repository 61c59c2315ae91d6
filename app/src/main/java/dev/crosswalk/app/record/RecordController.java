package dev.crosswalk.app.record;

import dev.crosswalk.app.org.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/records")
@Tag(name = "Records", description = "Browse and search synced CRM records (deleted records are left out)")
class RecordController {
    private final RecordService service;

    RecordController(RecordService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Records of one object, optionally of one integration, searched by Name, Website or Email")
    RecordPage search(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(required = false) UUID integrationId,
            @RequestParam(defaultValue = "Account") String object, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return service.search(me, integrationId, object, q, limit, offset);
    }

    @GetMapping("/{object}/{sfId}")
    @Operation(summary = "One record by its Salesforce id")
    StoredRecord get(@AuthenticationPrincipal MemberPrincipal me, @PathVariable String object, @PathVariable String sfId) {
        return service.get(me, object, sfId);
    }
}
