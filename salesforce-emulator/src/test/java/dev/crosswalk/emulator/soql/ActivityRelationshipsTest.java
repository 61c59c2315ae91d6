package dev.crosswalk.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivityRelationshipsTest {
    private final TestOrg t = new TestOrg();

    /** A user who reads everything but has no View All Data. */
    private final QueryAccess rep = new QueryAccess() {
        @Override
        public boolean canReadObject(SObjectType type) {
            return true;
        }

        @Override
        public boolean canReadField(SObjectType type, FieldDef field) {
            return true;
        }
    };

    private List<Object> subjects(Map<String, List<Record>> rows, String parent, PreparedQuery child) {
        return rows.getOrDefault(parent, List.of()).stream()
                .map(r -> child.value(r, child.columns().get(0))).toList();
    }

    @Test
    void closedTasksAndPastEventsAreHistoryOpenOnesAreOpenActivitiesEachInSalesforcesOrder() {
        Record acme = t.insert("Account", "Name", "Acme");
        t.insert("Task", "Subject", "Call", "WhatId", acme.id(), "Status", "Completed", "ActivityDate", LocalDate.parse("2024-01-01"));
        t.insert("Task", "Subject", "Email", "WhatId", acme.id(), "Status", "Completed", "ActivityDate", LocalDate.parse("2024-02-01"));
        t.insert("Task", "Subject", "Send Letter", "WhatId", acme.id(), "Status", "Not Started", "ActivityDate", LocalDate.parse("2024-05-01"));
        t.insert("Task", "Subject", "Other", "WhatId", acme.id(), "Status", "In Progress", "ActivityDate", LocalDate.parse("2024-04-01"));
        t.insert("Event", "Subject", "Meeting", "WhatId", acme.id(), "EndDateTime", Instant.parse("2024-03-01T10:00:00Z"),
                "ActivityDate", LocalDate.parse("2024-03-01"));

        PreparedQuery q = t.prepare("SELECT Id, (SELECT Subject FROM ActivityHistories), (SELECT Subject FROM OpenActivities)"
                + " FROM Account");
        Subquery history = q.subqueries().get(0);
        Subquery open = q.subqueries().get(1);
        assertThat(history.query().type().name()).isEqualTo("ActivityHistory");
        t.org.read(() -> {
            assertThat(subjects(history.children(Set.of(acme.id())), acme.id(), history.query()))
                    .containsExactly("Meeting", "Email", "Call");
            assertThat(subjects(open.children(Set.of(acme.id())), acme.id(), open.query()))
                    .containsExactly("Other", "Send Letter");
            return null;
        });
    }

    @Test
    void theViewsAreNotQueryableOnTheirOwn() {
        assertThat(t.error("SELECT Id FROM OpenActivity").errorCode()).isEqualTo("INVALID_TYPE_FOR_OPERATION");
    }

    @Test
    void withoutViewAllDataTheSubqueryNeedsOneParentNoWhereAndALimitOfAtMost499() {
        String ok = "SELECT Id, (SELECT Id FROM ActivityHistories LIMIT 499) FROM Account WHERE Id = '001Rx0000000001AAA'";
        assertThat(t.engine.prepare(t.org, rep, ok, QueryOptions.QUERY).subqueries()).hasSize(1);
        for (String bad : List.of(
                "SELECT Id, (SELECT Id FROM ActivityHistories LIMIT 5) FROM Account",
                "SELECT Id, (SELECT Id FROM ActivityHistories LIMIT 500) FROM Account WHERE Id = '001Rx0000000001AAA'",
                "SELECT Id, (SELECT Id FROM OpenActivities) FROM Account WHERE Id = '001Rx0000000001AAA'",
                "SELECT Id, (SELECT Id FROM OpenActivities WHERE IsTask = true LIMIT 5) FROM Account WHERE Id = '001Rx0000000001AAA'")) {
            try {
                t.engine.prepare(t.org, rep, bad, QueryOptions.QUERY);
                throw new AssertionError("accepted: " + bad);
            } catch (SoqlException e) {
                assertThat(e.errorCode()).as(bad).isEqualTo("MALFORMED_QUERY");
                assertThat(e.getMessage()).contains("Implementation restriction: activity aggregate relationships");
            }
        }
    }
}
