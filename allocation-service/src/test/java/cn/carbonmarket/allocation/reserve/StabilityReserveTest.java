package cn.carbonmarket.allocation.reserve;

import static cn.carbonmarket.allocation.auction.AuctionFixtures.DB;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.INSTRUCTIONS;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.as;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.booked;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.outboxed;
import static cn.carbonmarket.allocation.auction.AuctionFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.allocation.auction.AuctionFixtures;
import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The stabilisation share set aside when a pre-allocation is approved (pack CN-2022: 8% of the run's total, rounded
 * down), sent to the registry as ReserveSetAside in the approval's transaction and booked by its answer. The drafts
 * are written straight into the tables: what a run allocates to each entity is the run tests' concern.
 */
@QuarkusTest
class StabilityReserveTest {

    private static String draft(String periodId, String kind, long totalTonnes) {
        String runId = UUID.randomUUID().toString();
        DB.update("insert into allocation_run (run_id, period_id, kind, data_years, benchmark_pack, instrument,"
                + " inputs_hash, status, units, entities, total_tonnes, computed_by, computed_at) select ?::uuid,"
                + " period_id, ?, '{2024}', benchmark_pack, instrument, 'test', 'DRAFT', 0, 0, ?, 'regulator', now()"
                + " from compliance_period where period_id = ?", runId, kind, totalTonnes, periodId);
        return runId;
    }

    private static void approve(String runId) {
        as(DemoUser.REGULATOR).post("/api/v1/allocation-runs/" + runId + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    private static String setAside(String runId) {
        return DB.texts("select status || ' ' || tonnes from reserve_movement where movement_id = ?",
                "SETASIDE-" + runId).stream().findFirst().orElse("none");
    }

    @Test
    void approvingAPreAllocationSetsItsShareAsideOnceAndALaterRunOnlyWhatIsMissing() {
        AuctionFixtures.Period period = AuctionFixtures.freshPeriod();
        // 8% of 1,234,567 = 98,765.36 -> 98,765 t
        String first = draft(period.periodId(), "PRE_ALLOCATION", 1_234_567);
        approve(first);
        approve(first);
        assertThat(setAside(first)).isEqualTo("PENDING 98765");
        assertThat(outboxed("ReserveSetAside", "SETASIDE-" + first)).isEqualTo(1);
        INSTRUCTIONS.await(r -> r.key().equals("SETASIDE-" + first) && r.value().contains("\"ReserveSetAside\"")
                && r.value().contains("\"periodId\":\"" + period.periodId() + "\"")
                && r.value().contains("\"instrument\":\"" + period.instrument() + "\"")
                && r.value().contains("\"tonnes\":98765")
                && r.value().contains("\"reason\":\"STABILISATION_SHARE\""), Duration.ofSeconds(30));

        String transaction = booked("RESERVE_INTAKE", "SETASIDE-" + first);
        await().atMost(Duration.ofSeconds(30)).until(() -> setAside(first).equals("BOOKED 98765"));
        as(DemoUser.INVESTOR_1).get("/api/v1/stability-reserve/CN").then().statusCode(200)
                .body("balances.find { it.instrument == '" + period.instrument() + "' }.balanceTonnes",
                        equalTo(98_765))
                .body("movements.find { it.movementId == 'SETASIDE-" + first + "' }.kind", equalTo("SET_ASIDE"))
                .body("movements.find { it.movementId == 'SETASIDE-" + first + "' }.runId", equalTo(first))
                .body("movements.find { it.movementId == 'SETASIDE-" + first + "' }.transactionId",
                        equalTo(transaction));

        // a second pre-allocation of 1,300,000 t: 8% = 104,000, of which 98,765 are aside already: 5,235 more
        String second = draft(period.periodId(), "PRE_ALLOCATION", 1_300_000);
        approve(second);
        assertThat(setAside(second)).isEqualTo("PENDING 5235");
        // refused by the registry: it never happened, and the next run sets it aside again
        refused("SETASIDE-" + second, "INSUFFICIENT_UNITS");
        await().atMost(Duration.ofSeconds(30)).until(() -> setAside(second).equals("REFUSED 5235"));
        String third = draft(period.periodId(), "PRE_ALLOCATION", 1_300_000);
        approve(third);
        assertThat(setAside(third)).isEqualTo("PENDING 5235");

        // a true-up sets nothing aside
        String trueUp = draft(period.periodId(), "TRUE_UP", 2_000_000);
        approve(trueUp);
        assertThat(setAside(trueUp)).isEqualTo("none");
    }
}
