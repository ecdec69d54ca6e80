package cn.carbonmarket.e2e;

import static cn.carbonmarket.e2e.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.e2e.AllocationCalls.REGISTRY;
import static cn.carbonmarket.e2e.AllocationCalls.eventually;
import static cn.carbonmarket.e2e.AllocationCalls.get;
import static cn.carbonmarket.e2e.AllocationCalls.send;
import static cn.carbonmarket.e2e.PrimaryAuctionDay.SETTLEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.testing.KeycloakTokens;
import cn.carbonmarket.testing.SignedInstructions;
import cn.carbonmarket.year.CoveredEntity;
import cn.carbonmarket.year.Scale;
import cn.carbonmarket.year.Scenario;
import cn.carbonmarket.year.Trade;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A national market year, small and generated from a seed ({@code market-year}'s {@link Scenario}), played through
 * the public APIs of the four running services, then the invariants that make them one market:
 * <ol>
 * <li>the seven pilots migrated from their sample exports;</li>
 * <li>the year: entities with coal units across the pilot regions, institutions and individuals registered; the
 * period's pre-allocation computed on the base year and issued; the earlier vintage they held moved into trading,
 * cash deposited; a trading day of the generated trades; the end-of-day run; every entity's report verified and
 * confirmed; the true-up issued; obligations set; every entity surrenders what it can, a few are short; the
 * compliance table;</li>
 * <li>the books agree: registry IN_TRADING = settlement's units = trading's risk view per party (less what a clearing
 * run has yet to deliver); issued - surrendered - cancelled = holdings per instrument; the ledger sums to zero and
 * every account is its journal (posted and pending); every trade cleared exactly once; the audit chain verifies;
 * every migration reconciled to its control totals; the compliance rate is what the generated data imply, computed
 * here.</li>
 * </ol>
 * A trade date has one clearing run: the class runs last (e2e/pom.xml orders classes by {@code @Order}), and when an
 * earlier class made the day's run, its trades stay undelivered, which the first invariant allows for as settlement's
 * reconciliation does.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketYearIT {

    private static final Scenario YEAR = Scenario.generate(Long.getLong("market.year.seed", 2026),
            Scale.parse(System.getProperty("market.year.scale", "small")));
    private static final String CEA = "CEA-2025";

    /** What playing the year leaves for the invariants. */
    private static final class Played {
        static final List<String> entities = new ArrayList<>();
        static final List<String> traders = new ArrayList<>();
        static final Map<String, String> tokens = new HashMap<>();
        static String period;
        static String allowance;
        static int year;
    }

    private static String holding(String party) {
        return AccountId.holdingOf(PartyId.parse(party)).value();
    }

    private static String register(Map<String, Object> registration) {
        return send(DemoUser.REGULATOR, "POST", REGISTRY + "/api/v1/parties", registration)
                .statusCode(oneOf(200, 201)).extract().path("id");
    }

    /** The authority of the entity's region: the pilot authority of that region (Guangdong's for Shenzhen too). */
    private static String authority(CoveredEntity entity) {
        return Pilot.valueOf(entity.region()).authorityToken();
    }

    @Test
    @Order(1)
    void theSevenPilotsMigrate() {
        for (Pilot pilot : Pilot.values()) {
            assertThat(PilotMigrations.migrate(pilot).getString("status")).as(pilot.name()).isEqualTo("COMMITTED");
        }
    }

    @Test
    @Order(2)
    void theYearIsPlayed() {
        // Parties: every trader gets a Keycloak user of its own (a participant acts only for its party).
        for (int i = 0; i < YEAR.entities().size(); i++) {
            String party = register(YEAR.entities().get(i).registration());
            Played.entities.add(party);
            Played.tokens.put(party, KeycloakTokens.participantToken("year-" + YEAR.seed() + "-e" + i, party,
                    "compliance-entity"));
        }
        for (int i = 0; i < YEAR.traders().size(); i++) {
            String party = register(YEAR.traders().get(i).registration());
            Played.traders.add(party);
            Played.tokens.put(party, KeycloakTokens.participantToken("year-" + YEAR.seed() + "-t" + i, party,
                    "investor"));
        }
        MarketCalls.registerDemo(DemoUser.VERIFIER_1);

        // The period, its units and the base year's verified production; the pre-allocation issues 70% of it.
        Played.year = AllocationCalls.freshPeriod();
        Played.period = "CN-" + Played.year;
        Played.allowance = "CEA-" + Played.year;
        int baseYear = Played.year - 1;
        List<String> units = YEAR.entities().stream().map(CoveredEntity::unitId).toList();
        for (int i = 0; i < YEAR.entities().size(); i++) {
            CoveredEntity entity = YEAR.entities().get(i);
            String party = Played.entities.get(i);
            eventually(() -> get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/covered-entities/" + party)
                    .extract().statusCode() == 200);
            send(DemoUser.REGULATOR, "PUT", ALLOCATION + "/api/v1/generating-units/" + entity.unitId(), Map.of(
                    "partyId", party, "category", "COAL_ABOVE_300MW", "capacityMw", 660, "cooling", "WATER",
                    "combinedHeatAndPower", false, "commissionedOn", "2012-06-30")).statusCode(oneOf(200, 201));
            send(DemoUser.REGULATOR, "PUT", ALLOCATION + "/api/v1/activity-data/" + baseYear + "/" + entity.unitId(),
                    Map.of("electricitySuppliedMwh", entity.electricityMwh(), "heatSuppliedGj", 0, "loadFactor", "0.88",
                            "heatSupplyRatio", "0", "verified", true)).statusCode(oneOf(200, 201));
        }
        AllocationCalls.verifiedDataForEveryOtherUnit(baseYear, units);
        approve(send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/allocation-runs", Map.of("periodId",
                Played.period, "kind", "PRE_ALLOCATION", "baseYear", baseYear)).statusCode(201).extract()
                .path("runId"));
        forEachEntity((entity, party) -> eventually(() -> AllocationCalls.holding(holding(party), Played.allowance)
                == allocation(entity.electricityMwh()) * 7 / 10));

        // The earlier vintage each entity held before the period (the test stands in for that period's approval),
        // part of it moved into trading; the buyers' cash at the clearing bank.
        String instruction = "ALLOC-YEAR-" + UUID.randomUUID();
        new KafkaTopic("allocation.issuance-instructions").send(instruction, SignedInstructions.json(instruction,
                "FREE_ALLOCATION", CEA, YEAR.entities().stream().map(e -> SignedInstructions.recipient(
                        Played.entities.get(YEAR.entities().indexOf(e)), e.grantedTonnes()))
                        .toArray(IssuanceInstruction.Recipient[]::new)));
        forEachEntity((entity, party) -> {
            eventually(() -> AllocationCalls.holding(holding(party), CEA) == entity.grantedTonnes());
            MarketCalls.moveToTrading(Played.tokens.get(party), holding(party), CEA, entity.intoTradingTonnes())
                    .statusCode(201);
        });
        for (int i = 0; i < YEAR.traders().size(); i++) {
            String party = Played.traders.get(i);
            eventually(() -> get(DemoUser.OPERATOR, PrimaryAuctionDay.TRADING + "/api/v1/risk-profiles/" + party)
                    .extract().statusCode() == 200);
            MarketCalls.deposit(party, YEAR.traders().get(i).cashFen());
        }
        forEachEntity((entity, party) -> eventually(() -> MarketCalls.trading(Played.tokens.get(party), CEA, "free")
                == entity.intoTradingTonnes()));
        for (int i = 0; i < YEAR.traders().size(); i++) {
            String party = Played.traders.get(i);
            long cash = YEAR.traders().get(i).cashFen();
            eventually(() -> MarketCalls.trading(Played.tokens.get(party), "CNY", "free") == cash);
        }

        // The trading day: each generated trade is a sell the buyer then meets at its price.
        long tradesBefore = BookInvariants.tradesExecuted().size();
        for (Trade trade : YEAR.trades()) {
            String seller = Played.entities.get(trade.seller());
            String buyer = Played.traders.get(trade.buyer());
            MarketCalls.order(Played.tokens.get(seller), CEA, "SELL", trade.priceFen(), trade.quantity())
                    .statusCode(201);
            MarketCalls.order(Played.tokens.get(buyer), CEA, "BUY", trade.priceFen(), trade.quantity())
                    .statusCode(201);
        }
        eventually(() -> BookInvariants.tradesExecuted().size() == tradesBefore + YEAR.trades().size());

        // End of day: the run for the trade date (answered as it is if an earlier class of the suite made it).
        LocalDate tradeDate = PrimaryAuctionDay.tradeDate(PrimaryAuctionDay.marketTime());
        send(DemoUser.OPERATOR, "POST", SETTLEMENT + "/api/v1/clearing-runs/" + tradeDate, Map.of())
                .statusCode(oneOf(200, 201));
        eventually(() -> List.of("DELIVERED", "NOTHING_TO_DELIVER").contains(get(DemoUser.OPERATOR, SETTLEMENT
                + "/api/v1/clearing-runs/" + tradeDate).statusCode(200).extract().path("delivery.state")));

        // Reports: each entity reports its coal, the region's authority assigns verifier-1, who concludes; confirmed.
        forEachEntity((entity, party) -> {
            String token = Played.tokens.get(party);
            Map<String, Object> coal = Map.of("fuel", "BITUMINOUS_COAL", "consumption",
                    String.valueOf(entity.coalTonnes()), "netCalorificValue", "20.000", "carbonContentMethod",
                    "MEASURED", "carbonContent", "0.02600",
                    "labReportId", "LAB-" + Played.year + "-" + entity.unitId(), "sampleId", "S-" + entity.unitId(),
                    "oxidationRate", "0.99");
            String report = send(token, "POST", ALLOCATION + "/api/v1/emission-reports", Map.of("periodId",
                    Played.period, "year", Played.year, "units", List.of(Map.of("unitId", entity.unitId(),
                            "electricitySuppliedMwh", entity.electricityMwh(), "heatSuppliedGj", 0, "loadFactor",
                            "0.88", "heatSupplyRatio", "0", "fuels", List.of(coal))))).statusCode(201).extract()
                    .path("reportId");
            String reports = ALLOCATION + "/api/v1/emission-reports/" + report;
            send(token, "POST", reports + "/submission", Map.of()).statusCode(200);
            String authority = authority(entity);
            send(authority, "POST", reports + "/verifier", Map.of("verifierPartyId", DemoUser.VERIFIER_1.partyId()))
                    .statusCode(200);
            send(DemoUser.VERIFIER_1, "POST", reports + "/conclusion", Map.of("opinion", "the records agree"))
                    .statusCode(200).body("status", equalTo("VERIFIED"));
            send(authority, "POST", reports + "/confirmation", Map.of()).statusCode(200)
                    .body("status", equalTo("CONFIRMED"));
        });

        // The true-up on the verified year issues the rest of each entity's allocation; then the obligations.
        AllocationCalls.verifiedDataForEveryOtherUnit(Played.year, units);
        approve(send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/allocation-runs", Map.of("periodId",
                Played.period, "kind", "TRUE_UP")).statusCode(201).extract().path("runId"));
        forEachEntity((entity, party) -> eventually(() -> AllocationCalls.holding(holding(party), Played.allowance)
                == allocation(entity.electricityMwh())));
        send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/compliance/" + Played.period + "/obligations",
                Map.of()).statusCode(200);

        // Surrenders: the period's allowance first, then the earlier vintage left outside trading, up to the
        // obligation; an entity that sold what it needed is short.
        forEachEntity((entity, party) -> {
            String known = REGISTRY + "/api/v1/surrenders?partyId=" + party + "&periodId=" + Played.period;
            eventually(() -> get(DemoUser.REGULATOR, known).extract().statusCode() == 200);
            long obligation = get(DemoUser.REGULATOR, known).extract().jsonPath().getLong("obligationTonnes");
            long ownAllowance = Math.min(obligation, allocation(entity.electricityMwh()));
            long earlier = Math.min(obligation - ownAllowance, entity.grantedTonnes() - entity.intoTradingTonnes());
            List<Map<String, Object>> lines = new ArrayList<>(List.of(Map.of("instrument", Played.allowance,
                    "quantity", ownAllowance)));
            if (earlier > 0) {
                lines.add(Map.of("instrument", CEA, "quantity", earlier));
            }
            send(Played.tokens.get(party), "POST", REGISTRY + "/api/v1/surrenders", Map.of("surrenderId",
                    "YEAR-" + UUID.randomUUID(), "partyId", party, "periodId", Played.period, "lines", lines))
                    .statusCode(201);
        });
    }

    private static void approve(String runId) {
        send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/allocation-runs/" + runId + "/approval", Map.of())
                .statusCode(200).body("status", equalTo("APPROVED"));
    }

    private interface EntityStep {
        void play(CoveredEntity entity, String party);
    }

    private static void forEachEntity(EntityStep step) {
        for (int i = 0; i < YEAR.entities().size(); i++) {
            step.play(YEAR.entities().get(i), Played.entities.get(i));
        }
    }

    // The test's own arithmetic of the national pack CN-2022, independent of the services and of the generator.

    /** Coal above 300 MW at a load factor of 0.88: 0.8177 t/MWh, no correction. */
    private static long allocation(long mwh) {
        return new BigDecimal("0.8177").multiply(BigDecimal.valueOf(mwh)).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Bituminous coal at 20.000 GJ/t, 0.02600 tC/GJ measured, oxidation 0.99, x 44/12; half up. */
    private static long emissions(long coalTonnes) {
        return new BigDecimal(coalTonnes).multiply(new BigDecimal("20.000")).multiply(new BigDecimal("0.02600"))
                .multiply(new BigDecimal("0.99")).multiply(new BigDecimal(44))
                .divide(new BigDecimal(12), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** A non-gas unit's obligation: its emissions, at most its allocation + 20% of them (half up). */
    private static long obligation(CoveredEntity entity) {
        long emitted = emissions(entity.coalTonnes());
        return Math.min(emitted, allocation(entity.electricityMwh()) + (2 * emitted + 5) / 10);
    }

    private static BigDecimal rate(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    @Test
    @Order(3)
    void theComplianceRateIsWhatTheGeneratedDataImply() {
        long compliant = 0;
        long obligated = 0;
        long covered = 0;
        Map<String, Long> missing = new HashMap<>();
        for (int i = 0; i < YEAR.entities().size(); i++) {
            CoveredEntity entity = YEAR.entities().get(i);
            long obligation = obligation(entity);
            long surrenderable = allocation(entity.electricityMwh()) + entity.grantedTonnes()
                    - entity.intoTradingTonnes();
            obligated += obligation;
            covered += Math.min(obligation, surrenderable);
            compliant += surrenderable >= obligation ? 1 : 0;
            missing.put(Played.entities.get(i), Math.max(0, obligation - surrenderable));
        }
        assertThat(compliant).as("a few entities are short").isBetween(1L, YEAR.entities().size() - 1L);
        long expectedCompliant = compliant;
        String table = ALLOCATION + "/api/v1/compliance/" + Played.period;
        eventually(() -> get(DemoUser.REGULATOR, table).statusCode(200).extract().jsonPath()
                .getLong("compliantEntities") == expectedCompliant);
        JsonPath result = get(DemoUser.REGULATOR, table).statusCode(200).extract().jsonPath();
        assertThat(result.getLong("entityCount")).isEqualTo(YEAR.entities().size());
        assertThat(result.getLong("obligationTonnes")).isEqualTo(obligated);
        assertThat(new BigDecimal(result.getString("entityComplianceRate")))
                .isEqualByComparingTo(rate(compliant, YEAR.entities().size()));
        assertThat(new BigDecimal(result.getString("tonnesComplianceRate"))).isEqualByComparingTo(rate(covered,
                obligated));
        List<Map<String, Object>> standings = result.getList("entities");
        assertThat(standings).allSatisfy(s -> assertThat(((Number) s.get("missingTonnes")).longValue())
                .isEqualTo(missing.get((String) s.get("partyId"))));
        assertThat(result.getLong("missingTonnes")).isEqualTo(missing.values().stream().mapToLong(m -> m).sum());
    }

    @Test
    @Order(4)
    void theRegistrySettlementAndTradingAgreeOnEveryPartysUnitsAndCash() {
        List<String> parties = new ArrayList<>(Played.entities);
        parties.addAll(Played.traders);
        assertThat(parties).hasSize(YEAR.entities().size() + YEAR.traders().size());
        eventually(() -> {
            Map<String, Long> trading = BookInvariants.tradingBalances();
            for (String party : parties) {
                long units = BookInvariants.settlement("UNITS", party, CEA);
                long registry = BookInvariants.registryInTrading(party, CEA);
                if (registry + BookInvariants.undelivered(party, CEA) != units
                        || trading.getOrDefault(party + "/" + CEA, 0L) != units
                        || trading.getOrDefault(party + "/CNY", 0L)
                        != BookInvariants.settlement("CASH_AVAILABLE", party, "CNY")) {
                    return false;
                }
            }
            return true;
        });
        // The year moved units: what the entities sold is the buyers' now, in every book.
        long sold = YEAR.trades().stream().mapToLong(Trade::quantity).sum();
        assertThat(Played.traders.stream().mapToLong(p -> BookInvariants.settlement("UNITS", p, CEA)).sum())
                .isEqualTo(sold);
    }

    @Test
    @Order(5)
    void issuedLessSurrenderedAndCancelledIsWhatIsHeldPerInstrument() {
        assertThat(BookInvariants.issuanceNotHoldings()).isEmpty();
        assertThat(BookInvariants.holdingsNotTheirLines()).isEmpty();
        // The period's allowance: issued exactly as allocated, part of it surrendered.
        long surrendered = AllocationCalls.holding("SURRENDER-" + Played.period, Played.allowance);
        assertThat(surrendered).isPositive();
    }

    @Test
    @Order(6)
    void theLedgerSumsToZeroAndEveryAccountIsItsJournal() {
        assertThat(BookInvariants.ledgerAssetsNotZero()).isEmpty();
        assertThat(BookInvariants.ledgerAccountsNotTheirJournal()).isEmpty();
    }

    @Test
    @Order(7)
    void everyTradeIsClearedExactlyOnce() {
        eventually(() -> BookInvariants.tradesCleared().equals(BookInvariants.tradesExecuted()));
        assertThat(BookInvariants.clearedTradesNotPostedOnce()).isEmpty();
        assertThat(BookInvariants.clearingBreaks()).isZero();
    }

    @Test
    @Order(8)
    void theAuditChainVerifies() {
        eventually(() -> get(DemoUser.REGULATOR, REGISTRY + "/api/v1/audit/verify").statusCode(200).extract()
                .jsonPath().getLong("pending") == 0);
        JsonPath audit = get(DemoUser.REGULATOR, REGISTRY + "/api/v1/audit/verify").statusCode(200).extract()
                .jsonPath();
        assertThat(audit.getString("brokenAt")).isNull();
        assertThat(audit.getLong("verified")).isPositive();
    }

    @Test
    @Order(9)
    void everyMigrationReconciledToItsControlTotals() {
        assertThat(BookInvariants.migrationsNotCommitted()).isEmpty();
        assertThat(BookInvariants.migrationsNotTheirControlTotals()).isEmpty();
    }
}
