package cn.carbonmarket.e2e;

import static cn.carbonmarket.year.play.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.year.play.AllocationCalls.REGISTRY;
import static cn.carbonmarket.year.play.AllocationCalls.eventually;
import static cn.carbonmarket.year.play.AllocationCalls.get;
import static cn.carbonmarket.year.play.AllocationCalls.send;
import static cn.carbonmarket.year.play.MarketCalls.registry;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.year.play.MarketCalls;
import cn.carbonmarket.year.play.Pilot;
import cn.carbonmarket.year.play.PilotMigrations;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The rules in which one pilot differs from the others, each on an entity of that pilot's export that no other test
 * uses (so each test stands alone, in any order): Chongqing's limit on selling free allocation, Beijing's share of
 * local offsets and its own credits, Shenzhen's penalty at a multiple of the market price, Shanghai's exchange closed
 * to individuals, and the one-market rule between a pilot and the national market as allocation (enrolment) and the
 * registry (surrender, the regulator's flags) apply it.
 */
class PilotRulesIT {

    private static final int YEAR = 2024;

    private static Map<String, Long> lines(Object... instrumentsAndTonnes) {
        Map<String, Long> lines = new LinkedHashMap<>();
        for (int i = 0; i < instrumentsAndTonnes.length; i += 2) {
            lines.put((String) instrumentsAndTonnes[i], ((Number) instrumentsAndTonnes[i + 1]).longValue());
        }
        return lines;
    }

    /**
     * Chongqing: an entity keeps at least half of the year's free allocation (here 100,001 t: it keeps 50,001 t);
     * the entity of the export holds no CQEA-2024 of its own, so it may move at most 50,000 t into trading.
     */
    @Test
    void aChongqingEntityMovesAtMostHalfOfItsFreeAllocationIntoTrading() {
        Pilot pilot = Pilot.CQ;
        PilotHolder entity = PilotHolder.organisation("CQ0001077", "91500000FEF1E2DE5E");
        String allowance = pilot.allowance(YEAR);
        entity.migratedFrom(pilot);
        String account = entity.holdingAccount();
        assertThat(registry(account, allowance, "AVAILABLE")).isZero();
        PilotPeriods.enrolIssued(pilot, YEAR, entity, "CEMENT", 100_001, 150_000);
        eventually(() -> registry(account, allowance, "AVAILABLE") == 100_001);

        String token = entity.token("compliance-entity");
        MarketCalls.moveToTrading(token, account, allowance, 50_001).statusCode(422)
                .body("code", equalTo("SELL_LIMIT")).body("detail", containsString("50000"));
        assertThat(registry(account, allowance, "AVAILABLE")).isEqualTo(100_001);
        assertThat(registry(account, allowance, "IN_TRADING")).isZero();
        MarketCalls.moveToTrading(token, account, allowance, 50_000).statusCode(201);
        MarketCalls.moveToTrading(token, account, allowance, 1).statusCode(422).body("code", equalTo("SELL_LIMIT"));
        assertThat(registry(account, allowance, "AVAILABLE")).isEqualTo(50_001);
        assertThat(registry(account, allowance, "IN_TRADING")).isEqualTo(50_000);
    }

    /**
     * Beijing: at least half of an entity's offsets come from Beijing projects, so CCER of another province count for
     * at most half of the offset limit, and BCER the Beijing authority issued (a Beijing forestry sink) count as local.
     */
    @Test
    void aBeijingEntityCoversHalfOfItsOffsetLimitWithLocalCredits() {
        Pilot pilot = Pilot.BJ;
        PilotHolder entity = PilotHolder.organisation("BJ0001154", "91110000CD7C48G90Q");
        String allowance = pilot.allowance(YEAR);
        long verified = 200_000;
        long offsetLimit = pilot.offsetLimit(verified);
        long nonLocalLimit = pilot.nonLocalOffsetLimit(offsetLimit);
        entity.migratedFrom(pilot);
        String account = entity.holdingAccount();
        PilotPeriods.obligated(pilot, YEAR, entity, "CEMENT", 50_000, verified);
        assertThat(PilotPeriods.obligationAtRegistry(pilot, YEAR, entity).getLong("offsetLimitTonnes"))
                .isEqualTo(offsetLimit);

        // Credits with an origin: Hubei wind CCER from the regulator, a Beijing forestry BCER from Beijing's
        // authority; another pilot's authority issues no Beijing credits.
        String windCcer = "CCER-2025-HB-WIND";
        String bcer = "BCER-2025-BJ-FORESTRY";
        PilotPeriods.issueOffsets(accessToken(DemoUser.REGULATOR), entity, windCcer, nonLocalLimit + 1);
        PilotPeriods.issueOffsets(pilot.authorityToken(), entity, bcer, offsetLimit);
        send(Pilot.TJ.authorityToken(), "POST", REGISTRY + "/api/v1/offset-issuances", Map.of("issuanceId",
                "E2E-" + UUID.randomUUID(), "partyId", entity.partyId(), "instrument", bcer, "quantity", 1,
                "projectId", "P-TJ", "projectName", "not Tianjin's to issue")).statusCode(403);
        assertThat(registry(account, windCcer, "AVAILABLE")).isEqualTo(nonLocalLimit + 1);
        assertThat(registry(account, bcer, "AVAILABLE")).isEqualTo(offsetLimit);

        String token = entity.token("compliance-entity");
        long allowances = verified - offsetLimit;
        PilotPeriods.surrender(pilot, YEAR, entity, token, lines(allowance, allowances, windCcer, nonLocalLimit + 1))
                .statusCode(422).body("code", equalTo("NON_LOCAL_OFFSET_LIMIT_EXCEEDED"))
                .body("detail", endsWith("; may still be surrendered: allowances " + verified
                        + " t, borrowed allowances 0 t, offsets " + offsetLimit + " t, non-local offsets "
                        + nonLocalLimit + " t"));
        PilotPeriods.surrender(pilot, YEAR, entity, token, lines(allowance, allowances, windCcer, nonLocalLimit))
                .statusCode(201);
        long local = offsetLimit - nonLocalLimit;
        PilotPeriods.surrender(pilot, YEAR, entity, token, lines(bcer, local + 1)).statusCode(422)
                .body("code", equalTo("OFFSET_LIMIT_EXCEEDED"))
                .body("detail", endsWith("; may still be surrendered: allowances " + local
                        + " t, borrowed allowances 0 t, offsets " + local + " t, non-local offsets 0 t"));
        PilotPeriods.surrender(pilot, YEAR, entity, token, lines(bcer, local)).statusCode(201);

        assertThat(registry(account, windCcer, "AVAILABLE")).isEqualTo(1);
        assertThat(registry(account, bcer, "AVAILABLE")).isEqualTo(offsetLimit - local);
        eventually(() -> "COMPLIANT".equals(PilotPeriods.complianceRow(pilot, YEAR, entity).get("status")));
        Map<String, Object> row = PilotPeriods.complianceRow(pilot, YEAR, entity);
        assertThat(((Number) row.get("allowanceTonnes")).longValue()).isEqualTo(allowances);
        assertThat(((Number) row.get("offsetTonnes")).longValue()).isEqualTo(offsetLimit);
    }

    /**
     * Shenzhen: an entity short after the deadline pays three times the average price of SZEA over the six months
     * before the deadline (30 June 2025), per tonne missing. The authority brings the pilot exchange's closes of
     * that time; a close before the six months and one after the deadline do not count.
     */
    @Test
    void aShenzhenEntityShortAtTheDeadlinePaysThreeTimesTheSixMonthAveragePrice() {
        Pilot pilot = Pilot.SZ;
        PilotHolder entity = PilotHolder.organisation("SZ0002512", "9144030019E32CH66A");
        String allowance = pilot.allowance(YEAR);
        long verified = 80_000;
        long shortfall = 1_234;
        entity.migratedFrom(pilot);
        PilotPeriods.obligated(pilot, YEAR, entity, "MANUFACTURING", 50_000, verified);
        String token = entity.token("compliance-entity");
        PilotPeriods.surrender(pilot, YEAR, entity, token, lines(allowance, verified - shortfall)).statusCode(201);
        // The deadline has passed, so the entity is in SHORTFALL from the start; the surrender, once counted,
        // leaves the shortfall.
        eventually(() -> ((Number) PilotPeriods.complianceRow(pilot, YEAR, entity).get("missingTonnes")).longValue()
                == shortfall);
        assertThat(PilotPeriods.complianceRow(pilot, YEAR, entity).get("status")).isEqualTo("SHORTFALL");

        // Closes inside the six months average 4,600 fen (46.00 CNY) exactly.
        List<Map<String, Object>> closes = List.of(close("2024-11-15", 9_000), close("2025-01-15", 4_200),
                close("2025-03-14", 4_500), close("2025-05-16", 4_800), close("2025-06-27", 4_900),
                close("2025-08-15", 1_000));
        long average = (4_200 + 4_500 + 4_800 + 4_900) / 4;
        Map<String, Object> prices = Map.of("source", "Shenzhen Emission Exchange daily closes (e2e sample)",
                "closes", closes);
        String marketPrices = ALLOCATION + "/api/v1/market-prices/" + allowance;
        send(Pilot.GD.authorityToken(), "PUT", marketPrices, prices).statusCode(403);
        send(pilot.authorityToken(), "PUT", marketPrices, prices).statusCode(oneOf(200, 201));

        String penalties = ALLOCATION + "/api/v1/compliance/" + pilot.period(YEAR) + "/penalties";
        JsonPath penalty = send(pilot.authorityToken(), "POST", penalties, Map.of("partyId", entity.partyId(),
                "factor", 3)).statusCode(oneOf(200, 201)).extract().jsonPath();
        assertThat(penalty.getString("method")).isEqualTo("PRICE_MULTIPLE");
        assertThat(penalty.getString("pricesFrom")).isEqualTo("2024-12-31");
        assertThat(penalty.getString("pricesTo")).isEqualTo("2025-06-30");
        assertThat(penalty.getLong("shortfallTonnes")).isEqualTo(shortfall);
        assertThat(new BigDecimal(penalty.getString("factor"))).isEqualByComparingTo("3");
        assertThat(penalty.getLong("priceFen")).isEqualTo(average);
        assertThat(penalty.getInt("tradingDays")).isEqualTo(4);
        assertThat(penalty.getLong("amountFen")).isEqualTo(3 * average * shortfall);
        // Shenzhen's multiple is fixed: another factor is refused.
        send(pilot.authorityToken(), "POST", penalties, Map.of("partyId", entity.partyId(), "factor", 5))
                .statusCode(422);
    }

    private static Map<String, Object> close(String date, long closeFen) {
        return Map.of("date", date, "closeFen", closeFen);
    }

    /** Shanghai's exchange admits compliance entities and institutions, not individuals. */
    @Test
    void anIndividualOfTheShanghaiExportMayNotBuyShanghaiAllowances() {
        Pilot pilot = Pilot.SH;
        PilotHolder individual = PilotHolder.person("SH0001007", "310000197010294351");
        String allowance = pilot.allowance(YEAR);
        assertThat(PilotMigrations.migrate(pilot).getString("status")).isEqualTo("COMMITTED");
        MarketCalls.deposit(individual.partyId(), 10_000_000);
        String token = individual.token("investor");
        eventually(() -> MarketCalls.trading(token, "CNY", "free") == 10_000_000);
        long previousClose = MarketCalls.depth(allowance).getLong("previousClose");
        MarketCalls.order(token, allowance, "BUY", previousClose, 10).statusCode(422)
                .body("code", equalTo("PARTY_NOT_ELIGIBLE"));
        assertThat(MarketCalls.trading(token, "CNY", "reserved")).isZero();
    }

    /**
     * Order 775's one-market rule: an entity of the Hubei export that registered a generating unit for the national
     * market (power) is not enrolled in Hubei's period for power, but may be for another sector.
     */
    @Test
    void aPilotEntityCoveredNationallyForPowerIsNotEnrolledInThePilotForPower() {
        Pilot pilot = Pilot.HB;
        PilotHolder entity = PilotHolder.organisation("HB0001063", "9142000009CF05H7EH");
        entity.migratedFrom(pilot);
        String unit = "E2E-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        send(DemoUser.REGULATOR, "PUT", ALLOCATION + "/api/v1/generating-units/" + unit, Map.of("partyId",
                entity.partyId(), "category", "COAL_ABOVE_300MW", "capacityMw", 600, "cooling", "WATER",
                "combinedHeatAndPower", false, "commissionedOn", "2012-06-30")).statusCode(201);
        // Every e2e unit has data for the base year the national pre-allocations compute on (AllocationIssuanceIT).
        send(DemoUser.REGULATOR, "PUT", ALLOCATION + "/api/v1/activity-data/2024/" + unit,
                Map.of("electricitySuppliedMwh", 2_000_000, "heatSuppliedGj", 0, "loadFactor", "0.86",
                        "heatSupplyRatio", "0", "verified", true)).statusCode(201);

        String allowance = pilot.allowance(YEAR);
        long exported = 2_904_596;
        assertThat(registry(entity.holdingAccount(), allowance, "AVAILABLE")).isEqualTo(exported);

        PilotPeriods.open(pilot, YEAR);
        PilotPeriods.enrol(pilot, YEAR, entity, "POWER", 10_000, null).statusCode(409)
                .body("code", equalTo("ONE_MARKET_RULE"))
                .body("detail", allOf(containsString("POWER"), containsString(unit)));
        get(pilot.authorityToken(), ALLOCATION + "/api/v1/compliance/" + pilot.period(YEAR) + "/pilot-entities/"
                + entity.partyId()).statusCode(404);
        PilotPeriods.enrolIssued(pilot, YEAR, entity, "CEMENT", 10_000, 12_000);
        eventually(() -> registry(entity.holdingAccount(), allowance, "AVAILABLE") == exported + 10_000);
    }

    /**
     * The registry's side of the one-market rule: an entity of the Hubei export enrolled in Hubei's period for power
     * is later covered by a national obligation for power. The registry then flags it for the regulator and refuses
     * its surrender into the pilot period. The national obligation is published on allocation's topic as allocation
     * would after a national true-up (the test stands in for that whole cycle, as TradingDayIT does for issuance).
     */
    @Test
    void aPilotEntityCoveredNationallyLaterSurrendersNothingIntoThePilotForTheSameSector() {
        Pilot pilot = Pilot.HB;
        PilotHolder entity = PilotHolder.organisation("HB0001168", "914200008E0A8CC56Q");
        String allowance = pilot.allowance(YEAR);
        entity.migratedFrom(pilot);
        String account = entity.holdingAccount();
        PilotPeriods.obligated(pilot, YEAR, entity, "POWER", 10_000, 20_000);
        String token = entity.token("compliance-entity");
        PilotPeriods.surrender(pilot, YEAR, entity, token, lines(allowance, 1_000)).statusCode(201);
        long held = registry(account, allowance, "AVAILABLE");

        String nationalPeriod = "CN-2025";
        String id = UUID.randomUUID().toString();
        new KafkaTopic("allocation.obligations").send(entity.partyId(), """
                {"eventId":"%s","type":"ObligationSet","version":1,"occurredAt":"%s","producer":"allocation-service",\
                "key":"%s","payload":{"periodId":"%s","partyId":"%s","instrument":"CEA-2025","version":1,\
                "verifiedEmissionsTonnes":500000,"obligationTonnes":500000,"offsetLimitTonnes":25000,\
                "borrowingLimitTonnes":0,"setAt":"%s","sector":"POWER"}}"""
                .formatted(id, Instant.now(), entity.partyId(), nationalPeriod, entity.partyId(), Instant.now()));
        String flags = REGISTRY + "/api/v1/one-market-flags";
        eventually(() -> get(DemoUser.REGULATOR, flags).statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().anyMatch(f -> entity.partyId().equals(f.get("partyId"))));
        Map<String, Object> flag = get(DemoUser.REGULATOR, flags).extract().jsonPath().<Map<String, Object>>getList("$")
                .stream().filter(f -> entity.partyId().equals(f.get("partyId"))).findFirst().orElseThrow();
        assertThat(flag).containsEntry("pilot", "HB").containsEntry("sector", "POWER")
                .containsEntry("nationalPeriodId", nationalPeriod).containsEntry("raisedOn", "NATIONAL_OBLIGATION");
        get(pilot.authorityToken(), flags).statusCode(403);

        PilotPeriods.surrender(pilot, YEAR, entity, token, lines(allowance, 1_000)).statusCode(409)
                .body("code", equalTo("ONE_MARKET_RULE"))
                .body("detail", allOf(containsString("POWER"), containsString(nationalPeriod)));
        assertThat(registry(account, allowance, "AVAILABLE")).isEqualTo(held);
        assertThat(PilotPeriods.obligationAtRegistry(pilot, YEAR, entity).getLong("surrenderedTonnes"))
                .isEqualTo(1_000);
    }
}
