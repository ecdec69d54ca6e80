package cn.carbonmarket.e2e;

import static cn.carbonmarket.year.play.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.year.play.AllocationCalls.REGISTRY;
import static cn.carbonmarket.year.play.AllocationCalls.eventually;
import static cn.carbonmarket.year.play.AllocationCalls.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.year.AuctionSale;
import cn.carbonmarket.year.CoveredEntity;
import cn.carbonmarket.year.Scale;
import cn.carbonmarket.year.Scenario;
import cn.carbonmarket.year.Trade;
import cn.carbonmarket.year.play.AllocationCalls;
import cn.carbonmarket.year.play.Progress;
import cn.carbonmarket.year.play.YearPlay;
import cn.carbonmarket.year.play.YearPlay.PlayedYear;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A national market year, small and generated from a seed ({@code market-year}'s {@link Scenario}), played through the
 * public APIs of the four running services by the player {@code ./market demo} uses ({@link YearPlay}: the seven pilots
 * migrated, parties registered, pre-allocation, units into trading and cash in, the period's primary auction, trading
 * days, the end-of-day run, reports verified, true-up, obligations, surrenders with a few entities short), then the
 * invariants that make them one market: registry IN_TRADING = settlement's units = trading's risk view per party (less
 * what a clearing run has yet to deliver); issued - surrendered - cancelled = holdings per instrument; the ledger sums
 * to zero and every account is its journal (posted and pending); every trade cleared exactly once; the audit chain
 * verifies; every migration reconciled to its control totals; the compliance rate is what the generated data imply,
 * computed here. Settlement clears a trade date once and refuses its trades after that run, and the suite's trades all
 * fall on today: the class runs first (e2e/pom.xml orders classes by {@code @Order}), and the player makes no clearing
 * run at the suite's wall-clock pace, so the year's trades stay undelivered here (the first invariant allows for that,
 * as settlement's reconciliation does) until a later class makes the day's run.
 */
@Order(1)
class MarketYearIT {

    private static final Scenario YEAR = Scenario.generate(Long.getLong("market.year.seed", 2026),
            Scale.parse(System.getProperty("market.year.scale", "small")));
    private static final String HELD = Scenario.INSTRUMENT;
    private static PlayedYear played;

    @BeforeAll
    static void theYearIsPlayed() {
        played = new YearPlay(YEAR, new Progress(System.out, false)).play();
        // The suite's convention: every unit a test registers has 2024 data, so later classes' runs on that base
        // year (which take in every covered unit) never lack it.
        for (CoveredEntity entity : YEAR.entities()) {
            AllocationCalls.send(DemoUser.REGULATOR, "PUT", ALLOCATION + "/api/v1/activity-data/2024/"
                    + entity.unitId(), Map.of("electricitySuppliedMwh", entity.electricityMwh(), "heatSuppliedGj", 0,
                    "loadFactor", "0.88", "heatSupplyRatio", "0", "verified", true)).statusCode(oneOf(200, 201, 409));
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
            missing.put(played.entities().get(i), Math.max(0, obligation - surrenderable));
        }
        assertThat(compliant).as("a few entities are short").isBetween(1L, YEAR.entities().size() - 1L);
        long expectedCompliant = compliant;
        String table = ALLOCATION + "/api/v1/compliance/" + played.period();
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

    /**
     * One price for all, where the bids from the highest down first cover what was sold; every bid above it filled
     * in full, none below it; what each winner won is in its risk view at the exchange.
     */
    @Test
    void thePeriodsAllowanceWentToTheInstitutionsBidsAtOnePriceInItsPrimaryAuction() {
        assertThat(played.primaryAuctionRef()).as("the primary auction was played").isNotNull();
        JsonPath auction = get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/auction-calendar/" + played.period()
                + "/auctions/" + played.primaryAuctionRef()).statusCode(200).extract().jsonPath();
        assertThat(auction.getString("status")).isEqualTo("COMPLETED");
        assertThat(auction.getString("result.outcome")).isEqualTo("CLEARED");
        long price = auction.getLong("result.clearingPriceFen");
        long sold = auction.getLong("result.soldTonnes");
        List<AuctionSale.Bid> bids = YEAR.primaryAuction().bids();
        assertThat(auction.getInt("result.bidders")).isEqualTo(bids.size());
        assertThat(auction.getLong("result.demandTonnes")).isEqualTo(bids.stream().mapToLong(AuctionSale.Bid::quantity)
                .sum());
        assertThat(auction.getLong("result.revenueFen")).isEqualTo(sold * price);

        Map<String, Long> expected = new HashMap<>();
        long left = sold;
        for (AuctionSale.Bid bid : bids.stream().sorted((a, b) -> Long.compare(b.priceFen(), a.priceFen())).toList()) {
            long won = Math.min(bid.quantity(), left);
            if (won > 0) {
                assertThat(bid.priceFen()).as("a winning bid").isGreaterThanOrEqualTo(price);
                expected.merge(played.traders().get(bid.buyer()), won, Long::sum);
            }
            left -= won;
            if (bid.priceFen() > price) {
                assertThat(won).as("a bid above the clearing price fills").isEqualTo(bid.quantity());
            }
        }
        assertThat(left).as("what sold went to bids").isZero();
        Map<String, Long> winners = new HashMap<>();
        auction.<Map<String, Object>>getList("result.winners").forEach(w -> winners.put((String) w.get("partyId"),
                ((Number) w.get("tonnes")).longValue()));
        assertThat(winners).isEqualTo(expected);
        eventually(() -> {
            Map<String, Long> trading = BookInvariants.tradingBalances();
            return expected.entrySet().stream().allMatch(w -> trading.getOrDefault(w.getKey() + "/"
                    + played.allowance(), 0L).equals(w.getValue()));
        });
    }

    @Test
    void theRegistrySettlementAndTradingAgreeOnEveryPartysUnitsAndCash() {
        List<String> parties = new ArrayList<>(played.entities());
        parties.addAll(played.traders());
        assertThat(parties).hasSize(YEAR.entities().size() + YEAR.traders().size());
        eventually(() -> {
            Map<String, Long> trading = BookInvariants.tradingBalances();
            for (String party : parties) {
                long units = BookInvariants.settlement("UNITS", party, HELD);
                long registry = BookInvariants.registryInTrading(party, HELD);
                if (registry + BookInvariants.undelivered(party, HELD) != units
                        || trading.getOrDefault(party + "/" + HELD, 0L) != units
                        || trading.getOrDefault(party + "/CNY", 0L)
                        != BookInvariants.settlement("CASH_AVAILABLE", party, "CNY")) {
                    return false;
                }
            }
            return true;
        });
        // The year moved units: what the entities sold is the buyers' now, in every book.
        long sold = YEAR.trades().stream().mapToLong(Trade::quantity).sum();
        assertThat(played.traders().stream().mapToLong(p -> BookInvariants.settlement("UNITS", p, HELD)).sum())
                .isEqualTo(sold);
    }

    @Test
    void issuedLessSurrenderedAndCancelledIsWhatIsHeldPerInstrument() {
        assertThat(BookInvariants.issuanceNotHoldings()).isEmpty();
        assertThat(BookInvariants.holdingsNotTheirLines()).isEmpty();
        // The period's allowance: issued exactly as allocated, part of it surrendered.
        long surrendered = AllocationCalls.holding("SURRENDER-" + played.period(), played.allowance());
        assertThat(surrendered).isPositive();
    }

    @Test
    void theLedgerSumsToZeroAndEveryAccountIsItsJournal() {
        assertThat(BookInvariants.ledgerAssetsNotZero()).isEmpty();
        assertThat(BookInvariants.ledgerAccountsNotTheirJournal()).isEmpty();
    }

    @Test
    void everyTradeIsClearedExactlyOnce() {
        eventually(() -> BookInvariants.tradesCleared().equals(BookInvariants.tradesExecuted()));
        assertThat(BookInvariants.clearedTradesNotPostedOnce()).isEmpty();
        assertThat(BookInvariants.clearingBreaks()).isZero();
    }

    @Test
    void theAuditChainVerifies() {
        eventually(() -> get(DemoUser.REGULATOR, REGISTRY + "/api/v1/audit/verify").statusCode(200).extract()
                .jsonPath().getLong("pending") == 0);
        JsonPath audit = get(DemoUser.REGULATOR, REGISTRY + "/api/v1/audit/verify").statusCode(200).extract()
                .jsonPath();
        assertThat(audit.getString("brokenAt")).isNull();
        assertThat(audit.getLong("verified")).isPositive();
    }

    @Test
    void everyMigrationReconciledToItsControlTotals() {
        assertThat(BookInvariants.migrationsNotCommitted()).isEmpty();
        assertThat(BookInvariants.migrationsNotTheirControlTotals()).isEmpty();
    }
}
