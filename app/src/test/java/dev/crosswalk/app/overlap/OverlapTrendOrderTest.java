package dev.crosswalk.app.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.partner.PartnershipStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The two organizations of a partnership snapshot at once after their own syncs, each writing both of the
 * partnership's rows: they must write them in the same order, or each transaction holds the row the other waits
 * for (a deadlock seen in the after-sync pipeline before the rows were ordered).
 */
class OverlapTrendOrderTest {
    private final UUID acme = UUID.randomUUID();
    private final UUID globex = UUID.randomUUID();
    private final UUID initech = UUID.randomUUID();
    private final Partnership acmeGlobex = partnership(acme, globex);
    private final Partnership initechAcme = partnership(initech, acme);

    @Test
    void both_sides_of_a_partnership_write_their_snapshot_rows_in_the_same_order() {
        List<OverlapTrend.Snapshot> asAcmeSees = List.of(new OverlapTrend.Snapshot(acme, acmeGlobex),
                new OverlapTrend.Snapshot(globex, acmeGlobex), new OverlapTrend.Snapshot(acme, initechAcme),
                new OverlapTrend.Snapshot(initech, initechAcme));
        List<OverlapTrend.Snapshot> asGlobexSees = List.of(new OverlapTrend.Snapshot(globex, acmeGlobex),
                new OverlapTrend.Snapshot(acme, acmeGlobex));

        List<OverlapTrend.Snapshot> acmeOrder = asAcmeSees.stream().sorted(OverlapTrend.KEY_ORDER).toList();
        List<OverlapTrend.Snapshot> globexOrder = asGlobexSees.stream().sorted(OverlapTrend.KEY_ORDER).toList();

        // The rows both transactions write come in the same relative order in each.
        assertThat(acmeOrder.stream().filter(asGlobexSees::contains).toList()).isEqualTo(globexOrder);
        assertThat(globexOrder.get(0)).isNotEqualTo(globexOrder.get(1));
    }

    private static Partnership partnership(UUID inviter, UUID invitee) {
        return new Partnership(UUID.randomUUID(), inviter, invitee, PartnershipStatus.ACCEPTED, false, false, Instant.EPOCH,
                Instant.EPOCH, null, 0);
    }
}
