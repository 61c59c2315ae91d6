package dev.crosswalk.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.Syncs;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.overlap.OverlapTrend;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard in Chromium: records synced per source, populations with counts, overlaps per
 * partner (counted only over what the partner lets us see) and their 30-day trend as an accessible
 * SVG chart drawn from the daily snapshots, which are idempotent per day.
 */
class DashboardPagesIT extends BrowserTest {
    private static final String PASSWORD = "dashboard-pw-1";

    @Autowired
    OrganizationService organizations;
    @Autowired
    OverlapTrend trend;
    @Autowired
    JdbcClient jdbc;

    private record Tenant(UUID id, String name, String email, ApiClient admin) {
    }

    private Tenant tenant(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = prefix + " " + suffix;
        String email = "admin@" + prefix.toLowerCase() + "-" + suffix + ".example";
        UUID org = organizations.createOrganization(name, email, "Admin", PASSWORD).organizationId();
        return new Tenant(org, name, email, new ApiClient(baseUrl(), email, PASSWORD));
    }

    private static String population(ApiClient admin, String name) {
        ApiClient.Reply r = admin.post("/api/v1/populations", Map.of("name", name, "baseObject", "Account",
                "filter", Map.of("type", "group", "logic", "AND", "children", List.of())));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("population").get("id").asString();
    }

    @Test
    void the_dashboard_shows_sources_populations_partners_and_the_overlap_trend() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Tenant umbrella = tenant("Umbrella");
        Tenant vandelay = tenant("Vandelay");
        TestOrg sfU = SalesforceFixture.newOrg("Umbrella Dash " + run);
        TestOrg sfV = SalesforceFixture.newOrg("Vandelay Dash " + run);
        for (int i = 0; i < 6; i++) {
            sfU.addAccount("Umbrella co " + i, "dash" + i + "-" + run + ".com");
            if (i < 3) {
                sfV.addAccount("Vandelay co " + i, "www.dash" + i + "-" + run + ".com");
            }
        }
        Syncs.awaitRun(umbrella.admin(), Syncs.connect(umbrella.admin(), sfU), 1);
        Syncs.awaitRun(vandelay.admin(), Syncs.connect(vandelay.admin(), sfV), 1);
        population(umbrella.admin(), "Umbrella all " + run);
        String theirs = population(vandelay.admin(), "Vandelay all " + run);

        signIn(umbrella.email(), PASSWORD);
        assertThat(text(By.id("no-overlaps"))).contains("No active partner yet");
        assertThat(text(By.id("dashboard-sources"))).contains("Umbrella Dash " + run).contains("6");
        assertThat(text(By.id("dashboard-populations"))).contains("Umbrella all " + run);
        checkPage("dashboard-no-partner");

        String id = umbrella.admin().post("/api/v1/partnerships", Map.of("partner", vandelay.name())).json().get("id").asString();
        assertThat(vandelay.admin().post("/api/v1/partnerships/" + id + "/accept", Map.of()).status()).isEqualTo(200);
        // Hidden: the partner's overlaps are not even a number for us.
        assertThat(trend.current(umbrella.id())).containsEntry(vandelay.id(), 0L);
        assertThat(vandelay.admin().put("/api/v1/sharing/populations/" + theirs + "/default",
                Map.of("level", "COUNTS_ONLY", "fields", Map.of())).status()).isEqualTo(200);
        assertThat(trend.current(umbrella.id())).containsEntry(vandelay.id(), 3L);

        // Two earlier days from snapshots; today's snapshot taken twice stays one row.
        for (int d = 1; d <= 2; d++) {
            jdbc.sql("insert into overlap_snapshot (organization_id, partner_org_id, day, overlap_count, taken_at) values (?, ?, ?, ?, ?)")
                    .params(umbrella.id(), vandelay.id(), Date.valueOf(trend.today().minusDays(d)), 3 - d, Timestamp.from(Instant.now()))
                    .update();
        }
        trend.snapshot(umbrella.id());
        trend.snapshotAll();
        assertThat(jdbc.sql("select overlap_count from overlap_snapshot where organization_id = ? and partner_org_id = ? and day = ?")
                .params(umbrella.id(), vandelay.id(), Date.valueOf(trend.today())).query(Long.class).list()).containsExactly(3L);
        assertThat(trend.history(vandelay.id(), 30)).extracting(OverlapTrend.Point::overlaps).containsExactly(0L);

        open("/");
        assertThat(text(By.id("overlaps-table"))).contains(vandelay.name()).contains("3");
        WebElement chart = find(By.cssSelector("svg#overlap-trend"));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(find(By.cssSelector("svg#overlap-trend title")).getAttribute("textContent"))
                .isEqualTo("Overlapping accounts per partner, last 30 days");
        assertThat(find(By.cssSelector("svg#overlap-trend desc")).getAttribute("textContent")).contains(vandelay.name() + " 3");
        assertThat(browser.findElements(By.cssSelector("svg#overlap-trend circle"))).hasSize(3);
        checkPage("dashboard");
    }
}
