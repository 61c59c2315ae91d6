package dev.crosswalk.app.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.org.Member;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.org.Role;
import dev.crosswalk.app.partner.PartnershipService;
import dev.crosswalk.app.record.RecordKeyService;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How {@code overlap_pair} is stored: what replaced its foreign key still removes and guards pairs. */
class OverlapPairStorageIT extends AppIntegrationTest {
    @Autowired
    OrganizationService organizations;
    @Autowired
    PartnershipService partnerships;
    @Autowired
    RecordKeyService keys;
    @Autowired
    OverlapEngine engine;
    @Autowired
    JdbcClient jdbc;

    @Test
    void pairs_leave_with_their_partnership_without_a_foreign_key() {
        UUID p = partnershipWithOnePair("Storagea", "Storageb");
        UUID other = partnershipWithOnePair("Storagec", "Storaged");

        // The service never deletes partnerships; an organization deleted by hand takes them along, and their pairs.
        jdbc.sql("delete from partnership where id = ?").param(p).update();

        assertThat(pairs(p)).isZero();
        assertThat(pairs(other)).as("another partnership's pairs").isEqualTo(1);
    }

    @Test
    void no_pairs_are_written_for_a_partnership_that_is_gone() {
        UUID p = partnershipWithOnePair("Storagee", "Storagef");
        jdbc.sql("delete from partnership where id = ?").param(p).update();

        assertThat(engine.recomputeFull(p)).isZero();
        assertThat(pairs(p)).isZero();
    }

    /** Two organizations with one account each on the same domain, partners, their pairs computed in full. */
    private UUID partnershipWithOnePair(String inviter, String invitee) {
        TenantData a = TenantData.create(organizations, jdbc, inviter);
        TenantData b = TenantData.create(organizations, jdbc, invitee);
        String domain = "shared-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
        a.account("Shared Inc", "https://" + domain, "Customer");
        b.account("Shared Ltd", "www." + domain, "Prospect");
        keys.recompute(a.organizationId, a.integrationId);
        keys.recompute(b.organizationId, b.integrationId);
        UUID p = partnerships.invite(admin(a), b.name).id();
        partnerships.accept(admin(b), p);
        engine.recomputeFull(p);
        assertThat(pairs(p)).isEqualTo(1);
        return p;
    }

    private MemberPrincipal admin(TenantData t) {
        Member m = organizations.members(new MemberPrincipal(null, t.organizationId, t.adminEmail, Role.ADMIN, "")).get(0);
        return new MemberPrincipal(m.id(), t.organizationId, t.adminEmail, Role.ADMIN, "");
    }

    private long pairs(UUID partnership) {
        return jdbc.sql("select count(*) from overlap_pair where partnership_id = ?").param(partnership).query(Long.class).single();
    }
}
