package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordStore;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardObjects;
import dev.crosswalk.emulator.model.StandardObjects.VirtualObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ActivityHistories} and {@code OpenActivities}: child relationships of every object a Task or
 * Event can point at (through {@code WhatId}, {@code WhoId} or {@code AccountId}) whose rows are that
 * parent's Tasks and Events, closed or open, as {@code ActivityHistory} / {@code OpenActivity} records.
 * Closed means a Task with {@code IsClosed} or status {@code Completed}, or an Event that has ended ({@code EndDateTime}, else the end
 * of its {@code ActivityDate}). The views have no store: rows are built from the Task and Event stores
 * for the parents of a page, under the org's read lock.
 */
final class ActivityRelationships {
    private static final List<String> SOURCES = List.of("Task", "Event");
    private static final List<String> PARENT_LOOKUPS = List.of("WhatId", "WhoId", "AccountId");
    private static final String CLOSED_TASK_STATUS = "Completed";

    private ActivityRelationships() {
    }

    /** The view behind a relationship name of {@code parent}, if {@code name} is one and activities can point at it. */
    static Optional<VirtualObject> find(Org org, SObjectType parent, String name) {
        for (VirtualObject v : StandardObjects.virtualObjects()) {
            if (v.relationshipName().equalsIgnoreCase(name) && canParent(org, parent)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code name} is a view queryable only through its relationship ({@code ActivityHistory}…). */
    static boolean isView(String name) {
        return StandardObjects.virtualObjects().stream().anyMatch(v -> v.type().name().equalsIgnoreCase(name));
    }

    private static boolean canParent(Org org, SObjectType parent) {
        for (String source : SOURCES) {
            Optional<SObjectType> type = org.type(source);
            if (type.isEmpty()) {
                continue;
            }
            for (String lookup : PARENT_LOOKUPS) {
                if (type.get().field(lookup).filter(f -> f.referenceTo().contains(parent.name())).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The view's rows per parent id (18 characters), unfiltered and unordered. Caller holds the read lock. */
    static Map<String, List<Record>> rows(Org org, VirtualObject view, Set<String> parentIds) {
        Map<String, List<Record>> out = new HashMap<>();
        if (parentIds.isEmpty()) {
            return out;
        }
        Instant now = org.clock().instant();
        for (String source : SOURCES) {
            Optional<SObjectType> type = org.type(source);
            if (type.isEmpty()) {
                continue;
            }
            RecordStore store = org.store(type.get());
            List<FieldDef> lookups = PARENT_LOOKUPS.stream().map(n -> type.get().field(n)).flatMap(Optional::stream).toList();
            for (Record r : store.all()) {
                Set<String> parents = new LinkedHashSet<>();
                for (FieldDef lookup : lookups) {
                    if (r.get(lookup) instanceof String id && !id.isEmpty()) {
                        String key = id.length() == 18 ? id : Ids.normalize(id).orElse(id);
                        if (parentIds.contains(key)) {
                            parents.add(key);
                        }
                    }
                }
                if (parents.isEmpty() || closed(type.get(), r, now) != view.closed()) {
                    continue;
                }
                Record row = row(view, type.get(), r);
                parents.forEach(p -> out.computeIfAbsent(p, k -> new ArrayList<>()).add(row));
            }
        }
        return out;
    }

    private static boolean closed(SObjectType type, Record r, Instant now) {
        if (type.name().equals("Task")) {
            // IsClosed follows Status: "Completed" is the closed value of the standard TaskStatus picklist.
            return Boolean.TRUE.equals(value(type, r, "IsClosed")) || CLOSED_TASK_STATUS.equals(value(type, r, "Status"));
        }
        Object end = value(type, r, "EndDateTime");
        if (!(end instanceof Instant)) {
            end = value(type, r, "ActivityDateTime");
        }
        if (end instanceof Instant i) {
            return i.isBefore(now);
        }
        if (value(type, r, "ActivityDate") instanceof LocalDate d) {
            return !d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(now);
        }
        return false;
    }

    /** The Task or Event as a view record: same id, the fields both have, and the view's own fields. */
    private static Record row(VirtualObject view, SObjectType sourceType, Record source) {
        SObjectType t = view.type();
        Record row = new Record(source.id(), t.fields().size());
        for (FieldDef f : t.fields()) {
            sourceType.field(f.name()).ifPresent(sf -> row.set(f, f.name().equals("Id") ? source.id() : source.get(sf)));
        }
        boolean task = sourceType.name().equals("Task");
        set(t, row, "IsTask", task);
        set(t, row, "IsClosed", view.closed());
        set(t, row, "ActivitySubtype", task ? Optional.ofNullable(value(sourceType, source, "TaskSubtype")).orElse("Task")
                : "Event");
        if (!task && row.get(t.field("IsAllDayEvent").orElseThrow()) == null) {
            set(t, row, "IsAllDayEvent", false);
        }
        if (task) {
            set(t, row, "IsAllDayEvent", false);
        }
        return row;
    }

    private static Object value(SObjectType type, Record r, String field) {
        return type.field(field).map(r::get).orElse(null);
    }

    private static void set(SObjectType type, Record r, String field, Object value) {
        type.field(field).ifPresent(f -> r.set(f, value));
    }

    /**
     * Salesforce's order of the view when the subquery has none: ActivityHistories by ActivityDate
     * descending, OpenActivities ascending (nulls last), then LastModifiedDate descending.
     */
    static Comparator<Record> defaultOrder(VirtualObject view) {
        FieldDef date = view.type().field("ActivityDate").orElseThrow();
        FieldDef modified = view.type().field("LastModifiedDate").orElseThrow();
        Comparator<LocalDate> dates = view.closed() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Comparator<Record> byDate = Comparator.comparing(r -> (LocalDate) r.get(date), Comparator.nullsLast(dates));
        return byDate.thenComparing(r -> (Instant) r.get(modified), Comparator.nullsLast(Comparator.reverseOrder()));
    }
}
