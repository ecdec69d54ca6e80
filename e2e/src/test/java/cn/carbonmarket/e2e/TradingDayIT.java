package cn.carbonmarket.e2e;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static cn.carbonmarket.year.play.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.year.play.AllocationCalls.REGISTRY;
import static cn.carbonmarket.year.play.AllocationCalls.SETTLEMENT;
import static cn.carbonmarket.year.play.AllocationCalls.TRADING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.FeeSchedule;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.testing.SignedInstructions;
import cn.carbonmarket.year.play.MarketCalls;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One trading day across the four processes, in order, ended by one end-of-day run (settlement makes a trade date's
 * run once, so every trade of the day must come before it):
 * <ol>
 * <li>a primary auction (docs/architecture.md, Flows: primary auctions): the regulator schedules it in allocation,
 * the registry puts its volume into trading in the auctioneer's name, the exchange announces it, institutions bid in
 * whole lots within their cap (an individual is not eligible), it clears below the stability reserve's floor so part
 * of the volume is withheld, the winners pay the auction revenue account through settlement, allocation publishes the
 * result and the unsold units go back to the stability reserve in the registry;</li>
 * <li>the flows into trading, a trade and out of trading: units into trading at the registry and cash in at the
 * clearing bank reach trading's risk view; a matched trade is cleared by settlement (delivery versus payment, fees);
 * the end-of-day run's delivery instructions move the units in the registry; the seller takes units back out through
 * trading's hold, settlement and the registry;</li>
 * <li>the auction's winners hold their units in the registry after that run.</li>
 * </ol>
 * Afterwards the three books agree for every party involved, which settlement's reconciliation confirms.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TradingDayIT {

    private static final String CEA = "CEA-2025";
    private static final DemoUser SELLER = DemoUser.ENTITY_1;
    private static final DemoUser BUYER = DemoUser.INVESTOR_1;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ValidatableResponse get(DemoUser user, String url) {
        return given().auth().oauth2(accessToken(user)).when().get(url).then().log().ifValidationFails();
    }

    private static ValidatableResponse post(DemoUser user, String url, Map<String, Object> body) {
        return given().auth().oauth2(accessToken(user)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .when().post(url).then().log().ifValidationFails();
    }

    private static void eventually(Callable<Boolean> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(condition);
    }

    private static String holding(DemoUser user) {
        return AccountId.holdingOf(PartyId.parse(user.partyId())).value();
    }

    /** The registry's holding of CEA-2025 in {@code status}, 0 if none. */
    private static long registry(DemoUser user, String status) {
        return MarketCalls.registry(holding(user), CEA, status);
    }

    /** One field ({@code balance}, {@code reserved}, {@code free}) of trading's risk view of the caller's asset. */
    private static long trading(DemoUser user, String asset, String field) {
        return MarketCalls.trading(accessToken(user), asset, field);
    }

    /** Settlement's available units of CEA-2025 and available cash (fen) of the party. */
    private static long settlementUnits(DemoUser user) {
        return MarketCalls.settlementUnits(user.partyId(), CEA);
    }

    private static long settlementCash(DemoUser user) {
        return MarketCalls.settlementCash(user.partyId());
    }

    private static long number(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).longValue();
    }

    /** Allocation issues free allocation through this event; the test stands in for its approval step and key. */
    private static void issue(DemoUser user, long tonnes) {
        String id = "ALLOC-" + UUID.randomUUID();
        new KafkaTopic("allocation.issuance-instructions").send(id, SignedInstructions.json(id, "FREE_ALLOCATION", CEA,
                SignedInstructions.recipient(user.partyId(), tonnes)));
    }

    private static List<Map<String, Object>> differences(DemoUser... users) {
        return differences(Arrays.stream(users).map(DemoUser::partyId).toList());
    }

    private static List<Map<String, Object>> differences(List<String> parties) {
        Map<String, Object> report = post(DemoUser.OPERATOR, SETTLEMENT + "/api/v1/reconciliation-runs", Map.of())
                .statusCode(201).extract().jsonPath().getMap("$");
        assertThat(report.get("tradingStatus")).isEqualTo("COMPARED");
        assertThat(report.get("registryStatus")).isEqualTo("COMPARED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) report.get("differences");
        return all.stream().filter(d -> parties.contains(d.get("partyId"))).toList();
    }

    /** What the auction of step 1 leaves for step 3. */
    private static final class Auction {
        static String ref;
        static LocalDate tradeDate;
        static List<PrimaryAuctionDay.Bidder> bidders;
        static Map<String, Long> inTradingBefore;
        static long deliveryBefore;
    }

    @Test
    @Order(1)
    void aPrimaryAuctionSellsToEligibleBiddersAndPaysTheRevenueAccount() {
        PrimaryAuctionDay.openPeriod();
        PrimaryAuctionDay.Bidder a = PrimaryAuctionDay.bidder(1, 100_000_000L);
        PrimaryAuctionDay.Bidder b = PrimaryAuctionDay.bidder(2, 100_000_000L);
        PrimaryAuctionDay.Bidder c = PrimaryAuctionDay.bidder(3, 100_000_000L);
        MarketCalls.registerDemo(DemoUser.INDIVIDUAL_1);
        String auctioneer = PrimaryAuctionDay.AUCTIONEER.toString();
        String delivery = "AUCTION_DELIVERY-CN";
        long issuanceBefore = PrimaryAuctionDay.registry("NATIONAL_ISSUANCE-CN", "AVAILABLE");
        long reserveBefore = PrimaryAuctionDay.registry("STABILITY_RESERVE-CN", "AVAILABLE");
        long deliveryBefore = PrimaryAuctionDay.registry(delivery, "IN_TRADING");
        long proceedsBefore = PrimaryAuctionDay.proceeds();
        long auctioneerUnitsBefore = PrimaryAuctionDay.settlementUnits(auctioneer);
        Map<String, Long> cashBefore = new HashMap<>();
        Map<String, Long> unitsBefore = new HashMap<>();
        Map<String, Long> inTradingBefore = new HashMap<>();
        for (PrimaryAuctionDay.Bidder bidder : List.of(a, b, c)) {
            cashBefore.put(bidder.partyId(), PrimaryAuctionDay.settlementCash(bidder.partyId()));
            unitsBefore.put(bidder.partyId(), PrimaryAuctionDay.settlementUnits(bidder.partyId()));
            inTradingBefore.put(bidder.partyId(), PrimaryAuctionDay.registry(bidder.holdingAccount(), "IN_TRADING"));
        }

        // The regulator schedules ten lots with half the volume as each bidder's cap, in the exchange's time.
        Instant now = MarketCalls.marketTime();
        Instant opensAt = now.plusSeconds(5);
        Instant closesAt = now.plusSeconds(45);
        String ref = post(DemoUser.REGULATOR, ALLOCATION + "/api/v1/auction-calendar/" + PrimaryAuctionDay.PERIOD
                + "/auctions", Map.of("volumeLots", 10, "opensAt", opensAt.toString(), "closesAt",
                closesAt.toString(), "bidderCapShare", "0.5")).statusCode(201).extract().path("auctionRef");
        post(DemoUser.REGULATOR, ALLOCATION + "/api/v1/auction-calendar/" + PrimaryAuctionDay.PERIOD + "/auctions/"
                + ref + "/prepare", Map.of()).statusCode(200);
        eventually(() -> "ANNOUNCED".equals(PrimaryAuctionDay.auction(ref).getString("status")));
        JsonPath prepared = PrimaryAuctionDay.auction(ref);
        long auctionId = prepared.getLong("tradingAuctionId");
        long reserve = prepared.getLong("preparation.reservePriceFen");
        long floor = prepared.getLong("preparation.emissionsContainment.floorFen");
        Number releaseTerm = prepared.get("preparation.costContainment.releaseTonnes");
        long release = releaseTerm == null ? 0 : releaseTerm.longValue();
        // The pack withholds 10% of the volume below the floor: one lot. The bids below sit between reserve and floor.
        assertThat(prepared.getLong("preparation.emissionsContainment.withholdTonnes")).isEqualTo(1_000);
        assertThat(reserve).isLessThanOrEqualTo(floor - 1_000);
        // The registry issued the volume into the auction delivery account and moved it into trading.
        assertThat(issuanceBefore - PrimaryAuctionDay.registry("NATIONAL_ISSUANCE-CN", "AVAILABLE"))
                .isEqualTo(10_000);
        assertThat(PrimaryAuctionDay.registry(delivery, "IN_TRADING") - deliveryBefore).isEqualTo(10_000 + release);
        eventually(() -> PrimaryAuctionDay.settlementUnits(auctioneer) - auctioneerUnitsBefore == 10_000 + release);

        eventually(() -> !MarketCalls.marketTime().isBefore(opensAt));
        // Refused, nothing placed: an individual (not eligible), part of a lot, above the cap, below the reserve.
        given().auth().oauth2(accessToken(DemoUser.INDIVIDUAL_1)).contentType(ContentType.JSON)
                .body(Map.of("priceFen", floor, "quantity", 1_000))
                .when().post(TRADING + "/api/v1/auctions/" + auctionId + "/bids").then().statusCode(422)
                .body("code", equalTo("NOT_ELIGIBLE"));
        a.bid(auctionId, floor - 100, 1_500).statusCode(422).body("code", equalTo("LOT_SIZE"));
        a.bid(auctionId, floor - 100, 5_000).statusCode(201);
        a.bid(auctionId, floor - 100, 1_000).statusCode(422)
                .body("code", equalTo("ABOVE_BIDDER_CAP"));
        b.bid(auctionId, floor - 100, 3_000).statusCode(201);
        b.bid(auctionId, floor - 1_000, 2_000).statusCode(201);
        c.bid(auctionId, floor - 200, 4_000).statusCode(201);
        c.bid(auctionId, reserve - 1, 1_000).statusCode(422)
                .body("code", equalTo("BELOW_RESERVE_PRICE"));

        eventually(() -> MarketCalls.marketTime().isAfter(closesAt));
        post(DemoUser.OPERATOR, TRADING + "/api/v1/auctions/" + auctionId + "/close", Map.of())
                .statusCode(oneOf(200, 409));
        eventually(() -> "COMPLETED".equals(PrimaryAuctionDay.auction(ref).getString("status")));

        // Supply below the floor is nine lots; demand reaches it at floor - 200 (8 lots above, 4 at it): bidder a
        // and b's higher bid fill, c gets the one lot left. The withheld lot goes to the stability reserve.
        long price = floor - 200;
        JsonPath result = PrimaryAuctionDay.auction(ref);
        assertThat(result.getString("result.outcome")).isEqualTo("CLEARED");
        assertThat(result.getLong("result.clearingPriceFen")).isEqualTo(price);
        assertThat(result.getLong("result.soldTonnes")).isEqualTo(9_000);
        assertThat(result.getLong("result.demandTonnes")).isEqualTo(14_000);
        assertThat(new BigDecimal(result.get("result.coverRatio").toString()))
                .isEqualByComparingTo("1.40");
        assertThat(result.getInt("result.bidders")).isEqualTo(3);
        assertThat(result.getLong("result.revenueFen")).isEqualTo(9_000 * price);
        Map<String, Long> won = Map.of(a.partyId(), 5_000L, b.partyId(), 3_000L, c.partyId(), 1_000L);
        List<Map<String, Object>> winners = result.getList("result.winners");
        assertThat(winners).hasSize(3).allSatisfy(w -> assertThat(number(w, "tonnes"))
                .isEqualTo(won.get((String) w.get("partyId"))));
        List<Map<String, Object>> returns = result.getList("result.returns");
        assertThat(returns).allSatisfy(r -> {
            assertThat(r.get("destination")).isEqualTo("STABILITY_RESERVE-CN");
            assertThat(r.get("status")).isEqualTo("BOOKED");
        });
        assertThat(returns).filteredOn(r -> "ECR_WITHHELD".equals(r.get("reason"))).singleElement()
                .satisfies(r -> assertThat(number(r, "tonnes")).isEqualTo(1_000));
        assertThat(returns.stream().mapToLong(r -> number(r, "tonnes")).sum()).isEqualTo(1_000 + release);

        // The registry: what did not sell is back in the reserve; what sold waits in trading for the end of day.
        assertThat(PrimaryAuctionDay.registry("STABILITY_RESERVE-CN", "AVAILABLE") - reserveBefore).isEqualTo(1_000);
        assertThat(PrimaryAuctionDay.registry(delivery, "IN_TRADING") - deliveryBefore).isEqualTo(9_000);
        List<Map<String, Object>> movements = get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/stability-reserve/CN")
                .statusCode(200).extract().jsonPath().getList("movements");
        assertThat(movements).filteredOn(m -> ref.equals(m.get("auctionRef")) && "ECR_WITHHELD".equals(m.get("reason")))
                .singleElement().satisfies(m -> {
                    assertThat(m.get("kind")).isEqualTo("INTAKE");
                    assertThat(m.get("status")).isEqualTo("BOOKED");
                    assertThat(number(m, "clearingPriceFen")).isEqualTo(price);
                    assertThat(number(m, "thresholdFen")).isEqualTo(floor);
                });

        // Settlement: every winner paid the auction revenue account at the clearing price (plus its fee).
        eventually(() -> PrimaryAuctionDay.proceeds() - proceedsBefore == 9_000 * price);
        FeeSchedule fees = FeeSchedule.published();
        won.forEach((party, tonnes) -> {
            eventually(() -> PrimaryAuctionDay.settlementUnits(party) - unitsBefore.get(party) == tonnes);
            long amount = tonnes * price;
            assertThat(cashBefore.get(party) - PrimaryAuctionDay.settlementCash(party))
                    .isEqualTo(amount + fees.fee(TradeMode.AUCTION, Side.BUY, amount));
        });
        eventually(() -> PrimaryAuctionDay.settlementUnits(auctioneer) == auctioneerUnitsBefore);
        // Each bidder sees its own outcome; the exchange operator has none.
        a.mine(ref).statusCode(200).body("won", equalTo(true))
                .body("tonnes", equalTo(5_000))
                .body("amountFen", equalTo((int) (5_000 * price)));
        get(DemoUser.OPERATOR, ALLOCATION + "/api/v1/auction-results/" + ref + "/mine").statusCode(403);

        Auction.ref = ref;
        Auction.tradeDate = MarketCalls.tradeDate(Instant.parse(result.getString("result.closedAt")));
        Auction.bidders = List.of(a, b, c);
        Auction.inTradingBefore = inTradingBefore;
        Auction.deliveryBefore = deliveryBefore;
    }

    @Test
    @Order(2)
    void aTradeIsClearedDeliveredAndReconciledAcrossTheFourServices() {
        for (DemoUser user : List.of(SELLER, BUYER)) {
            MarketCalls.registerDemo(user);
        }
        eventually(() -> get(DemoUser.OPERATOR, TRADING + "/api/v1/risk-profiles/" + BUYER.partyId())
                .extract().statusCode() == 200);

        // Flow 3: units into trading at the registry, cash in at the clearing bank.
        issue(SELLER, 5_000);
        eventually(() -> registry(SELLER, "AVAILABLE") >= 5_000);
        post(SELLER, REGISTRY + "/api/v1/trading-moves", Map.of("account", holding(SELLER), "instrument", CEA,
                "quantity", 1_000)).statusCode(201);
        post(DemoUser.BANK, SETTLEMENT + "/api/v1/deposits", Map.of("bankReference", "E2E-" + UUID.randomUUID(),
                "partyId", BUYER.partyId(), "amountFen", 50_000_000L)).statusCode(201);
        eventually(() -> trading(SELLER, CEA, "free") == 1_000 && settlementUnits(SELLER) == 1_000);
        eventually(() -> trading(BUYER, "CNY", "free") == 50_000_000L);

        // Flow 4: a trade of 100 t at 100.00 CNY; both sides pay 0.06% (6 CNY each).
        String sell = UUID.randomUUID().toString();
        post(SELLER, TRADING + "/api/v1/orders", Map.of("clientOrderId", sell, "instrument", CEA, "side", "SELL",
                "priceFen", 10_000, "quantity", 100)).statusCode(201);
        post(BUYER, TRADING + "/api/v1/orders", Map.of("clientOrderId", UUID.randomUUID().toString(),
                "instrument", CEA, "side", "BUY", "priceFen", 10_000, "quantity", 100)).statusCode(201);
        List<Map<String, Object>> fills = get(BUYER, TRADING + "/api/v1/fills").statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(fills).hasSize(1);
        LocalDate tradeDate = Instant.parse((String) fills.get(0).get("executedAt")).atZone(SHANGHAI).toLocalDate();

        eventually(() -> settlementUnits(BUYER) == 100 && settlementUnits(SELLER) == 900);
        assertThat(settlementCash(BUYER)).isEqualTo(50_000_000L - 1_000_000 - 600);
        assertThat(settlementCash(SELLER)).isEqualTo(1_000_000 - 600);
        eventually(() -> trading(BUYER, "CNY", "balance") == 50_000_000L - 1_000_600
                && trading(SELLER, "CNY", "balance") == 999_400 && trading(BUYER, CEA, "balance") == 100);

        // End of day: the run's delivery instructions move the units among IN_TRADING holdings in the registry.
        post(DemoUser.OPERATOR, SETTLEMENT + "/api/v1/clearing-runs/" + tradeDate, Map.of())
                .statusCode(oneOf(200, 201));
        eventually(() -> registry(BUYER, "IN_TRADING") == 100 && registry(SELLER, "IN_TRADING") == 900);
        // Settlement follows the registry's answer: the run's delivery is booked.
        eventually(() -> "DELIVERED".equals(get(DemoUser.OPERATOR, SETTLEMENT + "/api/v1/clearing-runs/" + tradeDate)
                .statusCode(200).extract().path("delivery.state")));

        // Flow 5: the seller takes 300 t back out: trading holds them, settlement releases, the registry books it.
        post(SELLER, SETTLEMENT + "/api/v1/unit-withdrawals", Map.of("partyId", SELLER.partyId(), "instrument", CEA,
                "quantity", 300)).statusCode(201);
        eventually(() -> registry(SELLER, "IN_TRADING") == 600 && registry(SELLER, "AVAILABLE") == 4_300);
        eventually(() -> trading(SELLER, CEA, "balance") == 600 && settlementUnits(SELLER) == 600);
        // What is reserved by an open order cannot leave.
        post(SELLER, TRADING + "/api/v1/orders", Map.of("clientOrderId", UUID.randomUUID().toString(),
                "instrument", CEA, "side", "SELL", "priceFen", 10_500, "quantity", 600)).statusCode(201);
        post(SELLER, SETTLEMENT + "/api/v1/unit-withdrawals", Map.of("partyId", SELLER.partyId(), "instrument", CEA,
                "quantity", 1)).statusCode(409);

        eventually(() -> differences(SELLER, BUYER).isEmpty());
    }

    @Test
    @Order(3)
    void theAuctionWinnersHoldTheirUnitsInTheRegistryAfterTheEndOfDay() {
        assertThat(Auction.ref).as("the auction of step 1 ran").isNotNull();
        // The trade flow's run covers the day; asking again for the auction's trade date answers that run.
        post(DemoUser.OPERATOR, SETTLEMENT + "/api/v1/clearing-runs/" + Auction.tradeDate, Map.of())
                .statusCode(oneOf(200, 201));
        Map<String, Long> won = Map.of(Auction.bidders.get(0).partyId(), 5_000L,
                Auction.bidders.get(1).partyId(), 3_000L, Auction.bidders.get(2).partyId(), 1_000L);
        won.forEach((party, tonnes) -> eventually(() -> PrimaryAuctionDay.registry(
                AccountId.holdingOf(PartyId.parse(party)).value(), "IN_TRADING")
                - Auction.inTradingBefore.get(party) == tonnes));
        eventually(() -> PrimaryAuctionDay.registry("AUCTION_DELIVERY-CN", "IN_TRADING") == Auction.deliveryBefore);
        List<String> parties = new ArrayList<>(won.keySet());
        parties.add(PrimaryAuctionDay.AUCTIONEER.toString());
        eventually(() -> differences(parties).isEmpty());
    }
}
