package dev.crosswalk.emulator.rules;

import dev.crosswalk.emulator.data.ApiError;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The row rules of each org, checked by every save of a record (REST sObject calls, sObject
 * Collections and Bulk API 2.0 ingest all save through the data service's write batch), after the
 * field checks and before the record changes, as Salesforce runs validation rules. A refused row
 * fails alone: the rest of a Collections call or a Bulk job is saved (unless allOrNone).
 *
 * <p>Kept beside the org model rather than in it (keyed by org id), so that the rest of the emulator
 * knows nothing of it but the one call in the write batch. Not persisted with the emulator's state.
 */
public final class RowRules {
    private record Active(RowRule rule, AtomicInteger left) {
    }

    private static final Map<String, List<Active>> BY_ORG = new ConcurrentHashMap<>();

    private RowRules() {
    }

    /** Registers a rule in the org; returns it with its id. Its object and field must exist. */
    public static RowRule add(Org org, RowRule rule) {
        SObjectType t = org.type(rule.object())
                .orElseThrow(() -> new IllegalArgumentException("No object " + rule.object() + " in " + org.name()));
        if (t.field(rule.field()).isEmpty()) {
            throw new IllegalArgumentException("No field " + rule.field() + " on " + rule.object());
        }
        RowRule withId = new RowRule("rule-" + UUID.randomUUID(), t.name(), t.field(rule.field()).get().name(), rule.contains(),
                rule.errorCode(), rule.message(), rule.times());
        BY_ORG.computeIfAbsent(org.id(), k -> new CopyOnWriteArrayList<>()).add(new Active(withId, new AtomicInteger(rule.times())));
        return withId;
    }

    /** Removes every rule of the org (all of them if {@code ruleId} is null). */
    public static void clear(Org org, String ruleId) {
        List<Active> rules = BY_ORG.get(org.id());
        if (rules != null) {
            rules.removeIf(a -> ruleId == null || a.rule().id().equals(ruleId));
        }
    }

    /**
     * The error of the first rule the saved record matches, or null. {@code changes} are the
     * values being written; {@code existing} the record before (null on insert).
     */
    public static ApiError check(Org org, SObjectType type, Map<FieldDef, Object> changes, Record existing) {
        List<Active> rules = BY_ORG.get(org.id());
        if (rules == null || rules.isEmpty()) {
            return null;
        }
        for (Active a : rules) {
            RowRule r = a.rule();
            if (!r.object().equalsIgnoreCase(type.name())) {
                continue;
            }
            Optional<FieldDef> f = type.field(r.field());
            if (f.isEmpty()) {
                continue;
            }
            Object v = changes.containsKey(f.get()) ? changes.get(f.get()) : existing == null ? null : existing.get(f.get());
            if (v == null || !v.toString().contains(r.contains())) {
                continue;
            }
            if (r.times() >= 0 && a.left().getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
                continue; // a counted (transient) rule that has refused its share
            }
            return ApiError.of(r.errorCode(), r.message(), r.errorCode().equals(RowRule.VALIDATION) ? List.of(f.get().name()) : List.of());
        }
        return null;
    }
}
