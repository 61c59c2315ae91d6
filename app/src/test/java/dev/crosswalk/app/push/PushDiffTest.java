package dev.crosswalk.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushDiffTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private static DesiredRow row(String key, String value) {
        return DesiredRow.of(DesiredRow.Kind.OVERLAP, key, Map.of("Crosswalk_Key__c", key, "Partner_Fields__c", value), null);
    }

    private static PushDiff.Stored stored(DesiredRow d, Instant confirmed) {
        return new PushDiff.Stored(d.key(), "a0B000000000001AAA", d.hash(), confirmed);
    }

    @Test
    void nothing_is_written_when_every_row_is_as_last_confirmed() {
        DesiredRow a = row("a", "Name: A");
        PushDiff.Plan plan = PushDiff.plan(List.of(a), Map.of("a", stored(a, NOW.minusSeconds(60))), Map.of(), NOW, WEEK);
        assertThat(plan.nothingToDo()).isTrue();
        assertThat(plan.unchanged()).isEqualTo(1);
    }

    @Test
    void a_changed_value_a_new_row_and_an_unconfirmed_write_are_written_and_a_row_no_longer_desired_is_removed() {
        DesiredRow changed = row("a", "Name: A2");
        DesiredRow fresh = row("b", "Name: B");
        DesiredRow pending = row("c", "Name: C");
        Map<String, PushDiff.Stored> held = new HashMap<>();
        held.put("a", stored(row("a", "Name: A"), NOW));
        held.put("c", new PushDiff.Stored("c", null, null, null));
        held.put("gone", stored(row("gone", "x"), NOW));
        PushDiff.Plan plan = PushDiff.plan(List.of(changed, fresh, pending), held, Map.of(), NOW, WEEK);
        assertThat(plan.writes()).extracting(DesiredRow::key).containsExactly("a", "b", "c");
        assertThat(plan.removals()).extracting(PushDiff.Stored::key).containsExactly("gone");
    }

    @Test
    void an_unchanged_row_is_reconfirmed_once_its_last_confirmation_is_older_than_the_interval() {
        DesiredRow a = row("a", "Name: A");
        PushDiff.Plan plan = PushDiff.plan(List.of(a), Map.of("a", stored(a, NOW.minus(WEEK).minusSeconds(1))), Map.of(), NOW, WEEK);
        assertThat(plan.writes()).extracting(DesiredRow::key).containsExactly("a");
    }

    @Test
    void a_rejected_row_waiting_for_its_retry_time_is_deferred_and_other_rows_still_go() {
        DesiredRow locked = row("a", "Name: A");
        DesiredRow other = row("b", "Name: B");
        PushDiff.Plan plan = PushDiff.plan(List.of(locked, other), Map.of(), Map.of("a", NOW.plusSeconds(60)), NOW, WEEK);
        assertThat(plan.writes()).extracting(DesiredRow::key).containsExactly("b");
        assertThat(plan.deferred()).isEqualTo(1);
        PushDiff.Plan later = PushDiff.plan(List.of(locked, other), Map.of(), Map.of("a", NOW.plusSeconds(60)), NOW.plusSeconds(61), WEEK);
        assertThat(later.writes()).extracting(DesiredRow::key).containsExactly("a", "b");
    }

    @Test
    void the_hash_ignores_field_order_but_not_null_versus_empty() {
        Map<String, Object> one = new java.util.LinkedHashMap<>();
        one.put("x", "1");
        one.put("y", null);
        Map<String, Object> two = new java.util.LinkedHashMap<>();
        two.put("y", null);
        two.put("x", "1");
        Map<String, Object> three = new java.util.LinkedHashMap<>();
        three.put("x", "1");
        three.put("y", "");
        assertThat(DesiredRow.hash(one)).isEqualTo(DesiredRow.hash(two)).isNotEqualTo(DesiredRow.hash(three));
    }

    @Test
    void lock_errors_back_off_exponentially_up_to_thirty_minutes_and_other_errors_retry_on_the_next_push() {
        RetryPolicy p = RetryPolicy.standard();
        assertThat(p.nextAttempt("UNABLE_TO_LOCK_ROW", 1, NOW)).isEqualTo(NOW.plusSeconds(60));
        assertThat(p.nextAttempt("UNABLE_TO_LOCK_ROW", 3, NOW)).isEqualTo(NOW.plusSeconds(240));
        assertThat(p.nextAttempt("UNABLE_TO_LOCK_ROW", 12, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(p.nextAttempt("STRING_TOO_LONG", 5, NOW)).isEqualTo(NOW);
    }

    /** P4's second push: 100,000 rows pushed and confirmed, nothing changed since, so no write (and no call) at all. */
    @Test
    void a_hundred_thousand_unchanged_rows_plan_no_write() {
        List<DesiredRow> desired = new java.util.ArrayList<>();
        Map<String, PushDiff.Stored> held = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            DesiredRow d = row("k" + i, "Industry: Banking\nName: Company " + i);
            desired.add(d);
            held.put(d.key(), stored(d, NOW.minusSeconds(3600)));
        }
        PushDiff.Plan plan = PushDiff.plan(desired, held, Map.of(), NOW, WEEK);
        assertThat(plan.nothingToDo()).isTrue();
        assertThat(plan.unchanged()).isEqualTo(100_000);
    }
}
