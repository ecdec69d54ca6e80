package cn.carbonmarket.e2e;

import static cn.carbonmarket.year.play.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.year.play.AllocationCalls.REGISTRY;
import static cn.carbonmarket.year.play.AllocationCalls.eventually;
import static cn.carbonmarket.year.play.AllocationCalls.freshPeriod;
import static cn.carbonmarket.year.play.AllocationCalls.get;
import static cn.carbonmarket.year.play.AllocationCalls.holding;
import static cn.carbonmarket.year.play.AllocationCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.year.play.AllocationCalls;
import cn.carbonmarket.year.play.MarketCalls;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The compliance cycle across the processes: entity-1 reports a year of a fresh compliance period (measured carbon
 * content), Hubei's authority assigns verifier-1, who adjusts a figure with a reason and concludes, the authority
 * confirms; the regulator's true-up on the verified data is issued by the registry, the obligations reach the
 * registry, an over-surrender is refused and the exact obligation surrendered, and allocation counts the entity
 * COMPLIANT.
 *
 * <p>A true-up computes on the verified data of the period's year for every registered unit of every covered entity
 * in the database, and other tests (and earlier runs of this one) leave units behind. The period's year is fresh, so
 * nobody has data for it: the test enumerates the registry's compliance entities and their units at allocation and
 * records verified figures of that year for each unit that is not its own. For the same reason its own units also
 * get data for the base year the other tests' pre-allocations compute on.
 */
class ComplianceCycleIT {

    private static final int BASE_YEAR = 2024;
    private static final DemoUser ENTITY = DemoUser.ENTITY_1;

    private static String unit(String party, String category, long capacityMw) {
        String id = "E2E-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        send(DemoUser.PROVINCE_HB, "PUT", ALLOCATION + "/api/v1/generating-units/" + id, Map.of("partyId", party,
                "category", category, "capacityMw", capacityMw, "cooling", "WATER", "combinedHeatAndPower", false,
                "commissionedOn", "2015-06-30")).statusCode(201);
        return id;
    }

    private static void activity(int year, String unit, long mwh, String loadFactor) {
        send(DemoUser.REGULATOR, "PUT", ALLOCATION + "/api/v1/activity-data/" + year + "/" + unit,
                Map.of("electricitySuppliedMwh", mwh, "heatSuppliedGj", 0, "loadFactor", loadFactor,
                        "heatSupplyRatio", "0", "verified", true)).statusCode(201);
    }

    /** consumption x net calorific value x carbon content x oxidation rate x 44/12, half up to the tonne. */
    private static long emissions(String consumption, String ncv, String carbonContent, String oxidation) {
        return new BigDecimal(consumption).multiply(new BigDecimal(ncv)).multiply(new BigDecimal(carbonContent))
                .multiply(new BigDecimal(oxidation)).multiply(BigDecimal.valueOf(44))
                .divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP).longValueExact();
    }

    private static Map<String, Object> surrender(String period, String instrument, long tonnes) {
        return Map.of("surrenderId", "E2E-" + UUID.randomUUID(), "partyId", ENTITY.partyId(), "periodId", period,
                "lines", List.of(Map.of("instrument", instrument, "quantity", tonnes)));
    }

    @Test
    void aVerifiedReportBecomesAnObligationThatASurrenderMeetsExactly() {
        for (DemoUser party : List.of(ENTITY, DemoUser.ENTITY_2, DemoUser.VERIFIER_1)) {
            MarketCalls.registerDemo(party);
        }
        String own = ENTITY.partyId();
        eventually(() -> get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/covered-entities/" + own)
                .extract().statusCode() == 200);
        String coal = unit(own, "COAL_ABOVE_300MW", 660);
        String gas = unit(own, "GAS", 400);
        activity(BASE_YEAR, coal, 3_600_000, "0.88");
        activity(BASE_YEAR, gas, 1_000_000, "0.5");

        int year = freshPeriod();
        String period = "CN-" + year;
        String instrument = "CEA-" + year;
        AllocationCalls.verifiedDataForEveryOtherUnit(year, List.of(coal, gas));

        // The entity's report: coal with its own calorific value and measured carbon content, gas with the pack's
        // calorific value (389.31 GJ per 10^4 Nm3) and oxidation rate (0.99), both measured.
        Map<String, Object> coalLine = Map.of("fuel", "BITUMINOUS_COAL", "consumption", "1500000",
                "netCalorificValue", "20.000", "carbonContentMethod", "MEASURED", "carbonContent", "0.02600",
                "labReportId", "LAB-" + year + "-" + coal, "sampleId", "S-" + coal, "oxidationRate", "0.99");
        Map<String, Object> gasLine = Map.of("fuel", "NATURAL_GAS", "consumption", "19000",
                "carbonContentMethod", "MEASURED", "carbonContent", "0.01530", "labReportId", "LAB-" + year + "-" + gas,
                "sampleId", "S-" + gas);
        List<Map<String, Object>> units = List.of(
                Map.of("unitId", coal, "electricitySuppliedMwh", 3_600_000, "heatSuppliedGj", 0, "loadFactor", "0.88",
                        "heatSupplyRatio", "0", "fuels", List.of(coalLine)),
                Map.of("unitId", gas, "electricitySuppliedMwh", 1_000_000, "heatSuppliedGj", 0, "loadFactor", "0.5",
                        "heatSupplyRatio", "0", "fuels", List.of(gasLine)));
        long coalReported = emissions("1500000", "20.000", "0.02600", "0.99");     // 2,831,400 t
        long gasEmissions = emissions("19000", "389.31", "0.01530", "0.99");       // 410,816 t
        String report = send(ENTITY, "POST", ALLOCATION + "/api/v1/emission-reports",
                Map.of("periodId", period, "year", year, "units", units)).statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("emissionsTonnes", equalTo((int) (coalReported + gasEmissions)))
                .extract().path("reportId");
        assertThat(report).isEqualTo("ER-" + period + "-" + year + "-" + own);
        get(DemoUser.ENTITY_2, ALLOCATION + "/api/v1/emission-reports/" + report).statusCode(403);
        send(ENTITY, "POST", ALLOCATION + "/api/v1/emission-reports/" + report + "/submission", Map.of())
                .statusCode(200).body("status", equalTo("SUBMITTED")).body("late", equalTo(false));

        send(DemoUser.PROVINCE_HB, "POST", ALLOCATION + "/api/v1/emission-reports/" + report + "/verifier",
                Map.of("verifierPartyId", DemoUser.VERIFIER_1.partyId())).statusCode(200);
        String consumption = "units[" + coal + "].fuels[0].consumption";
        send(DemoUser.VERIFIER_1, "POST", ALLOCATION + "/api/v1/emission-reports/" + report + "/adjustments",
                Map.of("reason", "the weighbridge records add up to 1,520,000 t",
                        "changes", List.of(Map.of("field", consumption, "value", "1520000")))).statusCode(200);
        send(DemoUser.VERIFIER_1, "POST", ALLOCATION + "/api/v1/emission-reports/" + report + "/conclusion",
                Map.of("opinion", "supported by the records sampled")).statusCode(200)
                .body("status", equalTo("VERIFIED"));
        send(DemoUser.VERIFIER_1, "POST", ALLOCATION + "/api/v1/emission-reports/" + report + "/confirmation",
                Map.of()).statusCode(403);
        long coalEmissions = emissions("1520000", "20.000", "0.02600", "0.99");    // 2,869,152 t
        JsonPath confirmed = send(DemoUser.PROVINCE_HB, "POST", ALLOCATION + "/api/v1/emission-reports/" + report
                + "/confirmation", Map.of()).statusCode(200).extract().jsonPath();
        assertThat(confirmed.getString("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.getLong("emissionsTonnes")).isEqualTo(coalEmissions + gasEmissions);
        assertThat(confirmed.getList("adjustments.field")).containsExactly(consumption);
        assertThat(confirmed.getList("adjustments.oldValue")).containsExactly("1500000");
        assertThat(confirmed.getList("history.action")).containsExactly("CREATED", "SUBMITTED", "VERIFIER_ASSIGNED",
                "ADJUSTED", "CONCLUDED", "CONFIRMED");

        // The true-up on the verified production, CN-2022: coal above 300 MW 0.8177 t/MWh (load factor 0.88: no
        // correction) x 3,600,000 = 2,943,720 t; gas 0.3901 x 1,000,000 = 390,100 t.
        long coalAllocation = 2_943_720;
        long gasAllocation = 390_100;
        JsonPath run = send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/allocation-runs",
                Map.of("periodId", period, "kind", "TRUE_UP")).statusCode(201).extract().jsonPath();
        String runId = run.getString("runId");
        List<Map<String, Object>> lines = get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/allocation-runs/" + runId
                + "/units?partyId=" + own).statusCode(200).extract().jsonPath().getList("$");
        Map<String, Long> ownTonnes = Map.of(coal, coalAllocation, gas, gasAllocation);
        long others = lines.stream().filter(l -> !ownTonnes.containsKey(l.get("unitId")))
                .mapToLong(l -> ((Number) l.get("tonnes")).longValue()).sum();   // units of earlier runs, if any
        ownTonnes.forEach((unitId, tonnes) -> assertThat(lines).filteredOn(l -> unitId.equals(l.get("unitId")))
                .singleElement().satisfies(l -> assertThat(((Number) l.get("tonnes")).longValue()).isEqualTo(tonnes)));
        long allocation = coalAllocation + gasAllocation + others;
        String account = AccountId.holdingOf(PartyId.parse(own)).value();
        assertThat(holding(account, instrument)).isZero();
        send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/allocation-runs/" + runId + "/approval", Map.of())
                .statusCode(200).body("status", equalTo("APPROVED"));
        eventually(() -> holding(account, instrument) == allocation);

        // Obligation: the gas unit at most its allocation (410,816 t emitted, 390,100 t allocated), the coal unit
        // its emissions (below allocation + 20% of them); the offset limit 5% of it, rounded down.
        long coalCap = coalAllocation + (2 * coalEmissions + 5) / 10;              // + 20%, half up
        long obligation = Math.min(gasEmissions, gasAllocation) + Math.min(coalEmissions, coalCap);
        assertThat(obligation).isEqualTo(3_259_252);
        JsonPath set = send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/compliance/" + period + "/obligations",
                Map.of()).statusCode(200).extract().jsonPath();
        assertThat(set.getLong("obligations.find { it.partyId == '" + own + "' }.obligationTonnes"))
                .isEqualTo(obligation);
        eventually(() -> get(ENTITY, REGISTRY + "/api/v1/surrenders?partyId=" + own + "&periodId=" + period)
                .extract().statusCode() == 200);
        JsonPath known = get(ENTITY, REGISTRY + "/api/v1/surrenders?partyId=" + own + "&periodId=" + period)
                .statusCode(200).extract().jsonPath();
        assertThat(known.getLong("obligationTonnes")).isEqualTo(obligation);
        assertThat(known.getLong("verifiedEmissionsTonnes")).isEqualTo(coalEmissions + gasEmissions);
        assertThat(known.getLong("offsetLimitTonnes")).isEqualTo(obligation * 5 / 100);
        assertThat(known.getLong("outstandingTonnes")).isEqualTo(obligation);

        // One tonne beyond the obligation is refused whole; then exactly the obligation is booked.
        String surrenders = REGISTRY + "/api/v1/surrenders";
        String surrenderAccount = "SURRENDER-" + period;
        send(ENTITY, "POST", surrenders, surrender(period, instrument, obligation + 1)).statusCode(422)
                .body("code", equalTo("SURRENDER_EXCEEDS_OBLIGATION"));
        assertThat(holding(account, instrument)).isEqualTo(allocation);
        assertThat(holding(surrenderAccount, instrument)).isZero();
        send(DemoUser.ENTITY_2, "POST", surrenders, surrender(period, instrument, obligation)).statusCode(403);
        send(ENTITY, "POST", surrenders, surrender(period, instrument, obligation)).statusCode(201);
        assertThat(holding(account, instrument)).isEqualTo(allocation - obligation);
        assertThat(holding(surrenderAccount, instrument)).isEqualTo(obligation);
        get(ENTITY, REGISTRY + "/api/v1/surrenders?partyId=" + own + "&periodId=" + period).statusCode(200)
                .body("outstandingTonnes", equalTo(0));

        String standing = ALLOCATION + "/api/v1/compliance/" + period + "/entities/" + own;
        eventually(() -> "COMPLIANT".equals(get(ENTITY, standing).statusCode(200).extract().path("standing.status")));
        JsonPath compliant = get(ENTITY, standing).statusCode(200).extract().jsonPath();
        assertThat(compliant.getLong("standing.obligationTonnes")).isEqualTo(obligation);
        assertThat(compliant.getLong("standing.allowanceTonnes")).isEqualTo(obligation);
        assertThat(compliant.getLong("standing.missingTonnes")).isZero();
        get(DemoUser.ENTITY_2, standing).statusCode(403);
    }
}
