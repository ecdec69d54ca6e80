package cn.carbonmarket.e2e;

import static cn.carbonmarket.year.play.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.year.play.AllocationCalls.REGISTRY;
import static cn.carbonmarket.year.play.AllocationCalls.eventually;
import static cn.carbonmarket.year.play.AllocationCalls.freshPeriod;
import static cn.carbonmarket.year.play.AllocationCalls.get;
import static cn.carbonmarket.year.play.AllocationCalls.holding;
import static cn.carbonmarket.year.play.AllocationCalls.send;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.Identities;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Free allocation from the regulator's approval to the holders' accounts, across the processes: compliance
 * entities registered at the registry become covered entities in allocation, get generating units and base-year
 * activity data (a province's CSV upload for its region, the regulator's records for the others), and a fresh
 * compliance period's pre-allocation run, once approved, reaches the registry as one issuance instruction per
 * entity; the registry's answers bring every instruction to ISSUED, and allocation's reconciliation, the holdings
 * and the issuance account agree.
 *
 * <p>A run takes in every registered unit of every covered entity in the database, so the test's own period (a
 * fresh year, its own instrument) may also allocate to the units of earlier runs of this test against the same
 * database; every e2e test that registers units gives them activity data for {@link #BASE_YEAR}, so the run never
 * lacks data. That is why the assertions on the whole period (reconciliation, the issuance account) compare against
 * the run's total, and those per entity against figures computed here for this test's entities.
 */
class AllocationIssuanceIT {

    private static final int BASE_YEAR = 2024;

    private static String entity(String name, String region, String division) {
        String id = send(DemoUser.REGULATOR, "POST", REGISTRY + "/api/v1/parties", Map.of("name", name,
                "type", "COMPLIANCE_ENTITY", "region", region, "creditCode", Identities.creditCode(division)))
                .statusCode(201).extract().path("id");
        eventually(() -> get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/covered-entities/" + id)
                .extract().statusCode() == 200);
        return id;
    }

    private static String unit(DemoUser by, String party, String category, long capacityMw, String cooling) {
        String id = "E2E-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        send(by, "PUT", ALLOCATION + "/api/v1/generating-units/" + id, Map.of("partyId", party, "category", category,
                "capacityMw", capacityMw, "cooling", cooling, "combinedHeatAndPower", false,
                "commissionedOn", "2015-06-30")).statusCode(201);
        return id;
    }

    private static void activity(String unit, long mwh, long gj, String loadFactor, String heatSupplyRatio) {
        send(DemoUser.REGULATOR, "PUT", ALLOCATION + "/api/v1/activity-data/" + BASE_YEAR + "/" + unit,
                Map.of("electricitySuppliedMwh", mwh, "heatSuppliedGj", gj, "loadFactor", loadFactor,
                        "heatSupplyRatio", heatSupplyRatio, "verified", true)).statusCode(201);
    }

    private static String holdingAccount(String party) {
        return AccountId.holdingOf(PartyId.parse(party)).value();
    }

    @Test
    void anApprovedPreAllocationIsIssuedToEveryEntityAndReconciles() {
        String hubei = entity("Jingmen Thermal Power Co., Ltd.", "HB", "420800");
        String guangdong = entity("Zhanjiang Power Co., Ltd.", "GD", "440800");
        String shanghai = entity("Minhang Gas Power Co., Ltd.", "SH", "310112");

        // Hubei's authority registers its entity's units and uploads their base-year data as CSV.
        String coal = unit(DemoUser.PROVINCE_HB, hubei, "COAL_ABOVE_300MW", 660, "WATER");
        String gas = unit(DemoUser.PROVINCE_HB, hubei, "GAS", 200, "WATER");
        given().auth().oauth2(accessToken(DemoUser.PROVINCE_HB)).contentType("text/csv")
                .body("unit_id,electricity_supplied_mwh,heat_supplied_gj,load_factor,heat_supply_ratio\n"
                        + coal + ",3600000,0,0.88,0\n" + gas + ",500000,0,0.3,0\n")
                .when().post(ALLOCATION + "/api/v1/activity-data/" + BASE_YEAR + "/uploads")
                .then().log().ifValidationFails().statusCode(201)
                .body("rows", equalTo(2));
        activity(unit(DemoUser.REGULATOR, guangdong, "COAL_300MW_AND_BELOW", 300, "AIR"), 1_500_000, 0, "0.9", "0");
        activity(unit(DemoUser.REGULATOR, shanghai, "GAS", 400, "WATER"), 1_000_000, 500_000, "0.5", "0.1");
        // CN-2022, 70% of the base year: Hubei round(0.8177 x 3,600,000) + round(0.3901 x 500,000) = 3,138,770 ->
        // 2,197,139; Guangdong round(0.8729 x 1.05 (air) x 1,500,000) = 1,374,818 -> 962,373; Shanghai
        // round(0.3901 x (1 - 0.6 x 0.1) x 1,000,000 + 0.0557 x 500,000) = 394,544 -> 276,181.
        Map<String, Long> expected = Map.of(hubei, 2_197_139L, guangdong, 962_373L, shanghai, 276_181L);

        int year = freshPeriod();
        String period = "CN-" + year;
        String instrument = "CEA-" + year;
        ValidatableResponse computed = send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/allocation-runs",
                Map.of("periodId", period, "kind", "PRE_ALLOCATION", "baseYear", BASE_YEAR)).statusCode(201);
        String run = computed.extract().path("runId");
        long total = computed.extract().jsonPath().getLong("totalTonnes");
        List<Map<String, Object>> entities = get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/allocation-runs/" + run
                + "/entities").statusCode(200).extract().jsonPath().getList("$");
        expected.forEach((party, tonnes) -> assertThat(entities).filteredOn(e -> party.equals(e.get("partyId")))
                .singleElement().satisfies(e -> assertThat(((Number) e.get("allocatedTonnes")).longValue())
                        .isEqualTo(tonnes)));
        assertThat(entities.stream().mapToLong(e -> ((Number) e.get("deltaTonnes")).longValue()).sum())
                .isEqualTo(total);

        send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/allocation-runs/" + run + "/approval", Map.of())
                .statusCode(200).body("status", equalTo("APPROVED"));

        eventually(() -> get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/allocation-reconciliation/" + period)
                .statusCode(200).extract().jsonPath().getBoolean("balanced"));
        JsonPath reconciliation = get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/allocation-reconciliation/"
                + period).statusCode(200).extract().jsonPath();
        assertThat(reconciliation.getLong("approvedTonnes")).isEqualTo(total);
        assertThat(reconciliation.getLong("issuedTonnes")).isEqualTo(total);
        assertThat(reconciliation.getInt("pending")).isZero();
        assertThat(reconciliation.getInt("refused")).isZero();
        expected.forEach((party, tonnes) -> {
            List<Map<String, Object>> instructions = get(DemoUser.REGULATOR, ALLOCATION
                    + "/api/v1/issuance-instructions?periodId=" + period + "&partyId=" + party).statusCode(200)
                    .extract().jsonPath().getList("$");
            assertThat(instructions).singleElement().satisfies(i -> {
                assertThat(i.get("status")).isEqualTo("ISSUED");
                assertThat(i.get("reason")).isEqualTo("FREE_ALLOCATION");
                assertThat(((Number) i.get("tonnes")).longValue()).isEqualTo(tonnes);
            });
            assertThat(holding(holdingAccount(party), instrument)).isEqualTo(tonnes);
        });
        // The pack sets a stabilisation share of the pre-allocation aside in the stability reserve at approval.
        eventually(() -> reserveMovements(run).stream().allMatch(m -> "BOOKED".equals(m.get("status"))));
        List<Map<String, Object>> setAside = reserveMovements(run);
        assertThat(setAside).singleElement().satisfies(m -> {
            assertThat(m.get("kind")).isEqualTo("SET_ASIDE");
            assertThat(((Number) m.get("tonnes")).longValue()).isEqualTo(total * 8 / 100);
        });
        long reserved = ((Number) setAside.get(0).get("tonnes")).longValue();
        assertThat(holding("STABILITY_RESERVE-CN", instrument)).isEqualTo(reserved);
        // The issuance account mirrors what left it: minus everything issued of the period's own instrument.
        assertThat(holding("NATIONAL_ISSUANCE-CN", instrument)).isEqualTo(-total - reserved);
    }

    /** The stability reserve's movements that the run set aside. */
    private static List<Map<String, Object>> reserveMovements(String run) {
        List<Map<String, Object>> movements = get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/stability-reserve/CN")
                .statusCode(200).extract().jsonPath().getList("movements");
        return movements.stream().filter(m -> run.equals(String.valueOf(m.get("runId")))).toList();
    }
}
