package cn.carbonmarket.e2e;

import static cn.carbonmarket.year.play.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.year.play.AllocationCalls.REGISTRY;
import static cn.carbonmarket.year.play.AllocationCalls.eventually;
import static cn.carbonmarket.year.play.AllocationCalls.get;
import static cn.carbonmarket.year.play.MarketCalls.registry;
import static cn.carbonmarket.year.play.AllocationCalls.TRADING;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.contracts.trade.FeeSchedule;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.year.play.MarketCalls;
import cn.carbonmarket.year.play.Pilot;
import cn.carbonmarket.year.play.PilotMigrations;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each pilot on the suite, driven by its sample registry export (issue 25): the regulator migrates the export and it
 * reconciles to the pilot's control totals; the pilot's allowances are listed on the exchange; the pilot's provincial
 * authority opens the pilot's 2024 period, enrols an entity of the export (its sector, free allocation and verified
 * emissions) and sets the obligations; the entity moves units into trading and sells at the top of its pilot's band to
 * an institution of the export (cash in through the clearing bank), while an order one tick beyond the band is refused;
 * the entity surrenders within its pilot's offset limit, a tonne over it is refused with what may still be surrendered,
 * and the pilot's compliance table counts the entity compliant.
 *
 * <p>The pilots share the exchange, the registry and allocation, so each test uses its pilot's own instruments,
 * period and holders of its pilot's export, which no other test touches; migrating an export a second time answers
 * its first job, so every test migrates what it needs and none depends on another having run.
 */
class PilotAcceptanceIT {

    private static final int YEAR = 2024;
    private static final long FREE_ALLOCATION = 100_000;
    private static final long VERIFIED_EMISSIONS = 200_000;
    private static final long INTO_TRADING = 1_000;
    private static final long TRADED = 100;
    private static final long BUYER_CASH_FEN = 50_000_000;
    /** What the entity leaves of its offset limit before it tries one tonne more. */
    private static final long OFFSETS_LEFT = 10;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /**
     * A pilot's case: an entity of its export (with the 2024 allowance and the CCER the export gives it; the export
     * records no CCER's origin, so they count only where the pilot takes offsets of any origin, else their refusal's
     * code), the sector the authority enrols it in, and an institution of the export that buys.
     */
    record PilotCase(Pilot pilot, PilotHolder entity, long exportedAllowance, String exportedOffset,
                     long exportedOffsetTonnes, String exportedOffsetRefusal, String sector, PilotHolder buyer) {

        @Override
        public String toString() {
            return pilot.name();
        }
    }

    static Stream<PilotCase> pilots() {
        return Stream.of(
                new PilotCase(Pilot.BJ, PilotHolder.organisation("BJ0001665", "91110000870G71DCE0"), 2_969_025,
                        "CCER-2022", 48_933, "INSTRUMENT_NOT_ELIGIBLE",
                        "POWER", PilotHolder.organisation("BJ0001007", "91110000FF11B98C9C")),
                new PilotCase(Pilot.TJ, PilotHolder.organisation("TJ0002295", "91120000228G7HF931"), 2_534_687,
                        "CCER-2021", 71_223, "INSTRUMENT_NOT_ELIGIBLE",
                        "STEEL", PilotHolder.organisation("TJ0001042", "9112000088003CF405")),
                new PilotCase(Pilot.SH, PilotHolder.organisation("SH0004444", "91310000D3C75CE3HN"), 2_950_513,
                        "CCER-2022", 92_069, null,
                        "AVIATION", PilotHolder.organisation("SH0001014", "91310000509201873N")),
                new PilotCase(Pilot.CQ, PilotHolder.organisation("CQ0001917", "91500000C433HE6G4P"), 2_209_461,
                        "CCER-2019", 169_971, "INSTRUMENT_NOT_ELIGIBLE",
                        "CEMENT", PilotHolder.organisation("CQ0001014", "91500000C44D203E12")),
                new PilotCase(Pilot.HB, PilotHolder.organisation("HB0001238", "91420000AA1ED71898"), 2_995_660,
                        "CCER-2020", 103_678, "NON_LOCAL_OFFSET_LIMIT_EXCEEDED",
                        "PAPER", PilotHolder.organisation("HB0001154", "914200001118H1D30N")),
                new PilotCase(Pilot.GD, PilotHolder.organisation("GD0001560", "9144000064F533CD8C"), 2_934_966,
                        "CCER-2018", 181_760, "INSTRUMENT_NOT_ELIGIBLE",
                        "CHEMICAL", PilotHolder.organisation("GD0001007", "91440000A37F9AF78U")),
                new PilotCase(Pilot.SZ, PilotHolder.organisation("SZ0001945", "91440300H6G46BHHEL"), 1_145_518,
                        "CCER-2017", 186_351, "INSTRUMENT_NOT_ELIGIBLE",
                        "MANUFACTURING", PilotHolder.organisation("SZ0001007", "91440300559D622EDR")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pilots")
    void aPilotsEntityTradesAndSurrendersItsMigratedAllowancesUnderThePilotsRules(PilotCase c) {
        Pilot pilot = c.pilot();
        String allowance = pilot.allowance(YEAR);

        // Migration: committed, every instrument booked as the control totals state, the entity's units as exported.
        JsonPath job = PilotMigrations.migrate(pilot);
        assertThat(job.getString("status")).isEqualTo("COMMITTED");
        String account = c.entity().holdingAccount();
        assertThat(job.getBoolean("report.reconciled")).isTrue();
        Map<String, Long> booked = new LinkedHashMap<>();
        job.<Map<String, Object>>getList("report.instruments").forEach(i -> booked.put((String) i.get("instrument"),
                ((Number) i.get("booked")).longValue()));
        assertThat(booked).isEqualTo(pilot.controlTotals());
        assertThat(job.getLong("report.holdingRows.counted")).isEqualTo(pilot.controlHoldingRows());
        assertThat(registry(account, allowance, "AVAILABLE")).isEqualTo(c.exportedAllowance());
        assertThat(registry(account, c.exportedOffset(), "AVAILABLE")).isEqualTo(c.exportedOffsetTonnes());

        // Listed: the exchange answers the pilot allowance's depth, drawn around its reference close.
        JsonPath depth = MarketCalls.depth(allowance);
        long previousClose = depth.getLong("previousClose");
        assertThat(previousClose).isPositive();
        assertThat(depth.getBoolean("halted")).isFalse();

        // The authority's period: the entity enrolled, its free allocation issued, its obligation set.
        c.entity().awaitCovered();
        PilotPeriods.enrolIssued(pilot, YEAR, c.entity(), c.sector(), FREE_ALLOCATION, VERIFIED_EMISSIONS);
        eventually(() -> registry(account, allowance, "AVAILABLE") == c.exportedAllowance() + FREE_ALLOCATION);
        PilotPeriods.obligations(pilot, YEAR, c.entity());
        JsonPath obligation = PilotPeriods.obligationAtRegistry(pilot, YEAR, c.entity());
        long offsetLimit = pilot.offsetLimit(VERIFIED_EMISSIONS);
        assertThat(obligation.getLong("obligationTonnes")).isEqualTo(VERIFIED_EMISSIONS);
        assertThat(obligation.getLong("offsetLimitTonnes")).isEqualTo(offsetLimit);

        // Trading: units in, cash in, a trade at the top of the band, one tick beyond refused.
        String seller = c.entity().token("compliance-entity");
        String buyer = c.buyer().token("investor");
        MarketCalls.moveToTrading(seller, account, allowance, INTO_TRADING).statusCode(201);
        assertThat(registry(account, allowance, "IN_TRADING")).isEqualTo(INTO_TRADING);
        MarketCalls.deposit(c.buyer().partyId(), BUYER_CASH_FEN);
        eventually(() -> MarketCalls.trading(seller, allowance, "free") == INTO_TRADING);
        eventually(() -> MarketCalls.trading(buyer, "CNY", "free") == BUYER_CASH_FEN);

        long top = MarketCalls.bandLimit(previousClose, pilot.bandBasisPoints(), 1);
        long bottom = MarketCalls.bandLimit(previousClose, -pilot.bandBasisPoints(), 1);
        MarketCalls.order(seller, allowance, "SELL", top + 1, TRADED).statusCode(422)
                .body("code", equalTo("PRICE_ABOVE_BAND"));
        MarketCalls.order(buyer, allowance, "BUY", bottom - 1, TRADED).statusCode(422)
                .body("code", equalTo("PRICE_BELOW_BAND"));
        MarketCalls.order(seller, allowance, "SELL", top, TRADED).statusCode(201);
        MarketCalls.order(buyer, allowance, "BUY", top, TRADED).statusCode(201).body("state", equalTo("FILLED"));
        List<Map<String, Object>> fills = get(buyer, TRADING + "/api/v1/fills").statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(((Number) f.get("priceFen")).longValue()).isEqualTo(top);
            assertThat(((Number) f.get("quantity")).longValue()).isEqualTo(TRADED);
        });
        long value = TRADED * top;
        FeeSchedule fees = FeeSchedule.published();
        eventually(() -> MarketCalls.settlementUnits(c.buyer().partyId(), allowance) == TRADED
                && MarketCalls.settlementUnits(c.entity().partyId(), allowance) == INTO_TRADING - TRADED);
        assertThat(MarketCalls.settlementCash(c.buyer().partyId()))
                .isEqualTo(BUYER_CASH_FEN - value - fees.fee(TradeMode.CONTINUOUS, Side.BUY, value));
        assertThat(MarketCalls.settlementCash(c.entity().partyId()))
                .isEqualTo(value - fees.fee(TradeMode.CONTINUOUS, Side.SELL, value));
        // The pilot's market statistics of the trade date: this one trade of its 2024 allowance.
        LocalDate tradeDate = Instant.parse((String) fills.get(0).get("executedAt")).atZone(SHANGHAI).toLocalDate();
        List<Map<String, Object>> statistics = get(pilot.authorityToken(), TRADING + "/api/v1/jurisdictions/"
                + pilot.name() + "/market-statistics?from=" + tradeDate + "&to=" + tradeDate).statusCode(200)
                .extract().jsonPath().getList("instruments");
        assertThat(statistics).filteredOn(i -> allowance.equals(i.get("instrument"))).singleElement()
                .satisfies(i -> {
                    assertThat(((Number) i.get("trades")).longValue()).isEqualTo(1);
                    assertThat(((Number) i.get("volumeTonnes")).longValue()).isEqualTo(TRADED);
                    assertThat(((Number) i.get("turnoverFen")).longValue()).isEqualTo(value);
                    assertThat(((Number) i.get("highFen")).longValue()).isEqualTo(top);
                });

        // Offsets: the exported CCER where the pilot takes them, else local CCER of a wind farm the regulator issues.
        String entityToken = c.entity().token("compliance-entity");
        String offset = c.exportedOffset();
        if (c.exportedOffsetRefusal() != null) {
            PilotPeriods.surrender(pilot, YEAR, c.entity(), entityToken, Map.of(offset, 1L)).statusCode(422)
                    .body("code", equalTo(c.exportedOffsetRefusal()));
            offset = "CCER-2025-" + pilot.region() + "-WIND";
            PilotPeriods.issueOffsets(accessToken(DemoUser.REGULATOR), c.entity(), offset, offsetLimit)
                    .statusCode(201);
        }
        long offsetsHeld = registry(account, offset, "AVAILABLE");
        assertThat(offsetsHeld).isGreaterThanOrEqualTo(offsetLimit);

        // Surrender: allowances, and offsets up to OFFSETS_LEFT below the limit; one tonne beyond the limit is
        // refused whole, naming what may still be surrendered; then the rest.
        long allowances = VERIFIED_EMISSIONS - offsetLimit;
        Map<String, Long> first = new LinkedHashMap<>();
        first.put(allowance, allowances);
        first.put(offset, offsetLimit - OFFSETS_LEFT);
        PilotPeriods.surrender(pilot, YEAR, c.entity(), entityToken, first).statusCode(201);
        long nonLocalLeft = Math.min(OFFSETS_LEFT, pilot.nonLocalOffsetLimit(offsetLimit));
        PilotPeriods.surrender(pilot, YEAR, c.entity(), entityToken, Map.of(offset, OFFSETS_LEFT + 1))
                .statusCode(422).body("code", equalTo("OFFSET_LIMIT_EXCEEDED"))
                .body("detail", endsWith("; may still be surrendered: allowances " + OFFSETS_LEFT
                        + " t, borrowed allowances 0 t, offsets " + OFFSETS_LEFT + " t, non-local offsets "
                        + nonLocalLeft + " t"));
        assertThat(PilotPeriods.obligationAtRegistry(pilot, YEAR, c.entity()).getLong("outstandingTonnes"))
                .isEqualTo(OFFSETS_LEFT);
        PilotPeriods.surrender(pilot, YEAR, c.entity(), entityToken, Map.of(offset, OFFSETS_LEFT)).statusCode(201);
        assertThat(registry(account, allowance, "AVAILABLE"))
                .isEqualTo(c.exportedAllowance() + FREE_ALLOCATION - INTO_TRADING - allowances);
        assertThat(registry(account, offset, "AVAILABLE")).isEqualTo(offsetsHeld - offsetLimit);
        assertThat(PilotPeriods.obligationAtRegistry(pilot, YEAR, c.entity()).getLong("outstandingTonnes")).isZero();
        // The registry's view of the pilot's holdings counts the units in trading and surrendered.
        List<Map<String, Object>> holdings = get(pilot.authorityToken(), REGISTRY + "/api/v1/jurisdictions/"
                + pilot.name() + "/holdings").statusCode(200).extract().jsonPath().getList("instruments");
        assertThat(holdings).filteredOn(i -> allowance.equals(i.get("instrument"))).singleElement()
                .satisfies(i -> {
                    assertThat(((Number) i.get("inTrading")).longValue()).isGreaterThanOrEqualTo(INTO_TRADING);
                    assertThat(((Number) i.get("surrendered")).longValue()).isGreaterThanOrEqualTo(allowances);
                });

        // The pilot's compliance table: the entity compliant, its obligation met by allowances and offsets; the
        // jurisdiction's overview counts the period as the table does, and is the pilot's authority's alone.
        eventually(() -> "COMPLIANT".equals(PilotPeriods.complianceRow(pilot, YEAR, c.entity()).get("status")));
        Map<String, Object> row = PilotPeriods.complianceRow(pilot, YEAR, c.entity());
        assertThat(((Number) row.get("obligationTonnes")).longValue()).isEqualTo(VERIFIED_EMISSIONS);
        assertThat(((Number) row.get("allowanceTonnes")).longValue()).isEqualTo(allowances);
        assertThat(((Number) row.get("offsetTonnes")).longValue()).isEqualTo(offsetLimit);
        assertThat(((Number) row.get("missingTonnes")).longValue()).isZero();
        List<Map<String, Object>> table = PilotPeriods.complianceTable(pilot, YEAR);
        String overview = ALLOCATION + "/api/v1/jurisdictions/" + pilot.name() + "/compliance";
        List<Map<String, Object>> periods = get(pilot.authorityToken(), overview).statusCode(200).extract()
                .jsonPath().getList("periods");
        assertThat(periods).filteredOn(p -> pilot.period(YEAR).equals(p.get("periodId"))).singleElement()
                .satisfies(p -> {
                    assertThat(((Number) p.get("entities")).longValue()).isEqualTo(table.size());
                    assertThat(((Number) p.get("compliant")).longValue()).isEqualTo(table.stream()
                            .filter(r -> "COMPLIANT".equals(r.get("status"))).count()).isPositive();
                });
        Pilot other = Pilot.values()[(pilot.ordinal() + 1) % Pilot.values().length];
        get(other.authorityToken(), overview).statusCode(403).body("code", equalTo("NOT_YOUR_JURISDICTION"));
    }
}
