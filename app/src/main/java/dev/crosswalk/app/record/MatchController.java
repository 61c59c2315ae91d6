package dev.crosswalk.app.record;

import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Why did (or didn't) these two match?" Pure computation over what the caller sends: it reads
 * no stored record, so every member may ask.
 */
@RestController
@RequestMapping("/api/v1/match")
@Tag(name = "Matching", description = "Match keys of websites, emails and company names, and match decisions explained")
class MatchController {
    static final int MAX_BATCH = 1000;

    private final MatchKeys keys = MatchKeys.standard();

    @Schema(description = "What a record holds; any field may be missing")
    record RecordInput(
            @Schema(description = "Website field as stored in the CRM", example = "https://www.Acme.co.uk/en/") String website,
            @Schema(description = "Email field (Leads, Contacts)", example = "jane@uk.acme.co.uk") String email,
            @Schema(description = "Company name (Account.Name, Lead.Company)", example = "Acme Ltd.") String name) {
    }

    record ExplainRequest(
            @Schema(description = "First record", requiredMode = Schema.RequiredMode.REQUIRED) RecordInput a,
            @Schema(description = "Second record; leave out to get the keys of the first alone") RecordInput b,
            @Schema(description = "Count an equal company name as (weak) evidence, as a partnership with name matching on does")
            Boolean nameMatching) {
    }

    record KeyView(
            @Schema(description = "The key, or null when there is none") String key,
            KeyReason reason,
            @Schema(description = "The reason in words") String explanation) {
        static KeyView of(KeyResult r) {
            return new KeyView(r.keyOrNull(), r.reason(), r.reason().description());
        }
    }

    record KeysView(@Schema(description = "Registrable domain: from the website, else the email") KeyView domain,
            @Schema(description = "Normalized company name: weak evidence") KeyView name) {
        static KeysView of(RecordKeys k) {
            return new KeysView(KeyView.of(k.domain()), KeyView.of(k.name()));
        }
    }

    record DecisionView(boolean match, Evidence evidence, List<String> reasons) {
    }

    record ExplainAnswer(KeysView a, KeysView b, @Schema(description = "Null when only one record was sent") DecisionView decision) {
    }

    @PostMapping("/explain")
    @Operation(summary = "Explain a match: each record's keys with reasons, and the decision with its reasons",
            description = "Same registrable domain matches; differing domains never match; without a domain on a side, an "
                    + "equal normalized name matches only with nameMatching=true. Send only `a` to get its keys.")
    @ApiResponse(responseCode = "400", description = "Record a is missing (problem detail, code VALIDATION_FAILED)")
    ExplainAnswer explain(@RequestBody ExplainRequest body) {
        if (body == null || body.a() == null) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "a: the record to explain is required");
        }
        RecordKeys a = keysOf(body.a());
        if (body.b() == null) {
            return new ExplainAnswer(KeysView.of(a), null, null);
        }
        RecordKeys b = keysOf(body.b());
        MatchDecision d = keys.decide(a, b, Boolean.TRUE.equals(body.nameMatching()));
        return new ExplainAnswer(KeysView.of(a), KeysView.of(b), new DecisionView(d.match(), d.evidence(), d.reasons()));
    }

    @PostMapping("/keys")
    @Operation(summary = "Match keys of up to 1,000 records at once, in the order sent")
    @ApiResponse(responseCode = "400", description = "More than 1,000 records, or no list (problem detail, code VALIDATION_FAILED)")
    List<KeysView> keys(@RequestBody List<RecordInput> records) {
        if (records == null) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "a JSON array of records is required");
        }
        if (records.size() > MAX_BATCH) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED,
                    "at most " + MAX_BATCH + " records per request, got " + records.size());
        }
        return records.stream().map(r -> KeysView.of(keysOf(r == null ? new RecordInput(null, null, null) : r))).toList();
    }

    private RecordKeys keysOf(RecordInput r) {
        return keys.keys(r.website(), r.email(), r.name());
    }
}
