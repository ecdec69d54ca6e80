package cn.carbonmarket.trading.risk;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.risk.RiskPosition;
import cn.carbonmarket.contracts.trade.FeeSchedule;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.testing.KeycloakTokens;
import cn.carbonmarket.trading.calendar.ManualClock;
import cn.carbonmarket.trading.order.EmptyJournal;
import cn.carbonmarket.trading.rules.RiskRules;
import cn.carbonmarket.trading.rules.TradingRulePack;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pre-trade risk over HTTP with real tokens, fed by real settlement.ledger events on Kafka, its trades and
 * surveillance events read back from Kafka.
 */
@QuarkusTest
@QuarkusTestResource(EmptyJournal.class)
class PreTradeRiskTest {

    private static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");
    private static final RiskRules RULES = TradingRulePack.load(new ObjectMapper()).risk(Jurisdiction.CN)
            .orElseThrow();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    Clock clock;
    @Inject
    PreTradeRisk risk;
    @Inject
    Restart restart;
    private Instant began;

    @BeforeEach
    void everyTraderIsFunded() {
        began = Instant.now();
        Funding.everyone();
    }

    @AfterEach
    void backToTheMorningSession() {
        ((ManualClock) clock).set(MORNING);
    }

    private static Map<String, Object> limit(String instrument, String side, long priceFen, long quantity) {
        return Map.of("clientOrderId", UUID.randomUUID().toString(), "instrument", instrument, "side", side,
                "priceFen", priceFen, "quantity", quantity);
    }

    private static ValidatableResponse place(DemoUser user, Map<String, Object> order) {
        return given().auth().oauth2(accessToken(user)).contentType("application/json").body(order)
                .when().post("/api/v1/orders").then();
    }

    private static long placed(DemoUser user, Map<String, Object> order) {
        return place(user, order).statusCode(201).extract().jsonPath().getLong("orderId");
    }

    private static void cancel(DemoUser user, long orderId) {
        given().auth().oauth2(accessToken(user)).when().delete("/api/v1/orders/" + orderId).then().statusCode(200);
    }

    /** The caller's own balance of one asset: balance, reserved, held, free, withdrawable. */
    private static Map<String, Object> balance(DemoUser user, String asset) {
        List<Map<String, Object>> balances = given().auth().oauth2(accessToken(user)).when()
                .get("/api/v1/risk/balances").then().statusCode(200).extract().jsonPath().getList("$");
        return balances.stream().filter(b -> asset.equals(b.get("asset"))).findFirst().orElseThrow();
    }

    private static long number(Map<String, Object> balance, String field) {
        return ((Number) balance.get(field)).longValue();
    }

    private static String tradeOf(DemoUser user, long orderId) {
        return given().auth().oauth2(accessToken(user)).when().get("/api/v1/fills").then().statusCode(200)
                .extract().jsonPath().getString("find { it.orderId == " + orderId + " }.tradeId");
    }

    /**
     * The first record on {@code topic} that was published since this test began and {@code matches}: the topic keeps
     * earlier runs' records, and trade ids start again with each run's empty journal.
     */
    private ConsumerRecord<String, String> published(String topic, Predicate<ConsumerRecord<String, String>> matches) {
        return new KafkaTopic(topic).await(r -> r.timestamp() >= began.toEpochMilli() && matches.test(r), PATIENCE);
    }

    private static ValidatableResponse hold(String token, String holdId, DemoUser party, String asset, long amount,
                                            String entryId) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("holdId", holdId, "partyId", party.partyId(), "asset", asset, "amount", amount,
                        "entryId", entryId))
                .when().post("/api/v1/risk/withdrawal-holds").then();
    }

    @Test
    void aBuyIsRefusedWithoutCashAndAcceptedOnceSettlementReportsADeposit() {
        Map<String, Object> order = limit("CEA-2024", "BUY", 8_200, 99_999);
        Funding.cash(DemoUser.INDIVIDUAL_1, 0);
        place(DemoUser.INDIVIDUAL_1, order).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("INSUFFICIENT_CASH"));

        Funding.cash(DemoUser.INDIVIDUAL_1, 2_000_000_000L);
        long reservedBefore = number(balance(DemoUser.INDIVIDUAL_1, "CNY"), "reserved");
        long id = placed(DemoUser.INDIVIDUAL_1, order);

        long expected = 99_999L * (8_200 + 100);
        assertThat(number(balance(DemoUser.INDIVIDUAL_1, "CNY"), "reserved") - reservedBefore).isEqualTo(expected);
        cancel(DemoUser.INDIVIDUAL_1, id);
        assertThat(number(balance(DemoUser.INDIVIDUAL_1, "CNY"), "reserved")).isEqualTo(reservedBefore);
    }

    @Test
    void aSellIsRefusedWithoutUnits() {
        Funding.units(DemoUser.INDIVIDUAL_1, "CCER-2025", 0);
        place(DemoUser.INDIVIDUAL_1, limit("CCER-2025", "SELL", 8_700, 99_999)).statusCode(422)
                .body("code", equalTo("INSUFFICIENT_UNITS"));
    }

    @Test
    void unitsTheRegistryMovesIntoTradingCountOnceWhicheverFeedReportsThemFirst() {
        Funding.units(DemoUser.INDIVIDUAL_1, "CEA-2024", 0);
        String first = UUID.randomUUID().toString();
        Funding.movedIntoTrading(DemoUser.INDIVIDUAL_1, first, "CEA-2024", 500);
        Funding.movedIntoTrading(DemoUser.INDIVIDUAL_1, first, "CEA-2024", 500);
        assertThat(number(balance(DemoUser.INDIVIDUAL_1, "CEA-2024"), "free")).as("the same move counts once")
                .isEqualTo(500);
        long sell = placed(DemoUser.INDIVIDUAL_1, limit("CEA-2024", "SELL", 9_800, 500));
        cancel(DemoUser.INDIVIDUAL_1, sell);

        // Settlement books the move (line 1 of the registry transaction) and reports the balance after it.
        Funding.post(DemoUser.INDIVIDUAL_1, "UNITS_IN:" + first + "/1", "UNITS_IN", null, Map.of("CEA-2024", 500L));
        assertThat(number(balance(DemoUser.INDIVIDUAL_1, "CEA-2024"), "balance")).isEqualTo(500);

        // Settlement's report may come first: the registry's event for the same move then adds nothing.
        String second = UUID.randomUUID().toString();
        Funding.post(DemoUser.INDIVIDUAL_1, "UNITS_IN:" + second + "/1", "UNITS_IN", null, Map.of("CEA-2024", 800L));
        Funding.movedIntoTrading(DemoUser.INDIVIDUAL_1, second, "CEA-2024", 300);
        assertThat(number(balance(DemoUser.INDIVIDUAL_1, "CEA-2024"), "balance")).isEqualTo(800);
    }

    @Test
    void unitsBoughtTodayAreSellableFromTheNextTradingDay() {
        // Measured against what is sellable before the purchase, not against nothing: settlement's report of a
        // balance does not make sellable what other tests of the shared application bought today.
        Funding.units(DemoUser.INVESTOR_1, "CEA-2026", 1_000);
        long sellable = number(balance(DemoUser.INVESTOR_1, "CEA-2026"), "withdrawable");
        placed(DemoUser.ENTITY_1, limit("CEA-2026", "SELL", 10_500, 10));
        place(DemoUser.INVESTOR_1, limit("CEA-2026", "BUY", 10_500, 10)).statusCode(201)
                .body("state", equalTo("FILLED"));

        assertThat(number(balance(DemoUser.INVESTOR_1, "CEA-2026"), "withdrawable")).isEqualTo(sellable);
        place(DemoUser.INVESTOR_1, limit("CEA-2026", "SELL", 10_900, sellable + 10)).statusCode(422)
                .body("code", equalTo("T_PLUS_ONE"));

        ((ManualClock) clock).set(Instant.parse("2026-11-26T02:00:00Z"));
        long sell = placed(DemoUser.INVESTOR_1, limit("CEA-2026", "SELL", 10_900, sellable + 10));
        cancel(DemoUser.INVESTOR_1, sell);
    }

    @Test
    void aFridaysSaleProceedsAreWithdrawableFromMondayAndARestartOverTheWeekendKeepsThemBack() {
        // A Friday of its own, so nothing other tests traded arrives on these days. What arrives here stays in the
        // shared application's view while other tests move the clock back: no other test sells the buyer's CEA-2024
        // to the last tonne.
        ManualClock market = (ManualClock) clock;
        market.set(Instant.parse("2026-12-04T02:00:00Z"));
        String clearingHouse = KeycloakTokens.serviceToken("settlement-service");
        PartyId seller = PartyId.parse(DemoUser.ENTITY_1.partyId());
        long withdrawable = number(balance(DemoUser.ENTITY_1, "CNY"), "withdrawable");
        long cash = number(balance(DemoUser.ENTITY_1, "CNY"), "balance");
        placed(DemoUser.ENTITY_1, limit("CEA-2024", "SELL", 9_300, 10));
        place(DemoUser.INVESTOR_1, limit("CEA-2024", "BUY", 9_300, 10)).statusCode(201)
                .body("state", equalTo("FILLED"));
        long proceeds = number(balance(DemoUser.ENTITY_1, "CNY"), "balance") - cash;
        long value = 10 * 9_300;
        assertThat(proceeds).isEqualTo(value - FeeSchedule.published().fee(TradeMode.CONTINUOUS, Side.SELL, value));

        for (String at : List.of("2026-12-04T08:00:00Z", "2026-12-05T02:00:00Z", "2026-12-06T02:00:00Z")) {
            market.set(Instant.parse(at));
            assertThat(number(balance(DemoUser.ENTITY_1, "CNY"), "withdrawable")).as(at)
                    .isEqualTo(withdrawable);
            hold(clearingHouse, UUID.randomUUID().toString(), DemoUser.ENTITY_1, "CNY", withdrawable + proceeds,
                    "WITHDRAWAL:" + UUID.randomUUID()).statusCode(409).body("code", equalTo("INSUFFICIENT_CASH"));
        }
        assertThat(cashOf(restart.recovered(), seller).withdrawable()).as("recovered on Sunday")
                .isEqualTo(withdrawable);

        market.set(Instant.parse("2026-12-07T01:00:00Z"));
        assertThat(number(balance(DemoUser.ENTITY_1, "CNY"), "withdrawable")).isEqualTo(withdrawable + proceeds);
        assertThat(cashOf(restart.recovered(), seller).withdrawable()).as("recovered on Monday")
                .isEqualTo(withdrawable + proceeds);
        String holdId = UUID.randomUUID().toString();
        hold(clearingHouse, holdId, DemoUser.ENTITY_1, "CNY", withdrawable + proceeds, "WITHDRAWAL:" + holdId)
                .statusCode(201);
        given().auth().oauth2(clearingHouse).when().delete("/api/v1/risk/withdrawal-holds/" + holdId).then()
                .statusCode(204);
    }

    private static AssetBalance cashOf(PreTradeRisk view, PartyId party) {
        return view.balances(party).stream().filter(b -> b.asset().equals(RiskBook.CASH)).findFirst().orElseThrow();
    }

    @Test
    void aBuyBeyondThePositionLimitIsRefused() {
        Funding.units(DemoUser.ENTITY_2, "CEA-2024", RULES.positionLimit() - 50);
        place(DemoUser.ENTITY_2, limit("CEA-2024", "BUY", 8_200, 100)).statusCode(422)
                .body("code", equalTo("POSITION_LIMIT"));
    }

    @Test
    void aTradeIsPublishedWithItsFeesAndCrossingTheLargeTraderThresholdIsReported() {
        Funding.units(DemoUser.INVESTOR_1, "CCER-2025", RULES.largeTraderThreshold() - 500);
        long cashBefore = number(balance(DemoUser.INVESTOR_1, "CNY"), "balance");
        placed(DemoUser.ENTITY_1, limit("CCER-2025", "SELL", 8_100, 1_000));
        long buy = placed(DemoUser.INVESTOR_1, limit("CCER-2025", "BUY", 8_100, 1_000));
        String tradeId = tradeOf(DemoUser.INVESTOR_1, buy);

        var trade = published("trading.trades", r -> r.value().contains("\"tradeId\":\"" + tradeId + "\""));
        assertThat(trade.key()).isEqualTo("CCER-2025");
        assertThat(trade.value()).contains("\"type\":\"TradeExecuted\"", "\"quantity\":1000", "\"priceFen\":8100",
                "\"buyerFeeFen\":4860", "\"sellerFeeFen\":4860", "\"mode\":\"CONTINUOUS\"",
                "\"buyerPartyId\":\"" + DemoUser.INVESTOR_1.partyId() + "\"",
                "\"sellerPartyId\":\"" + DemoUser.ENTITY_1.partyId() + "\"");
        assertThat(number(balance(DemoUser.INVESTOR_1, "CNY"), "balance"))
                .isEqualTo(cashBefore - 8_100_000 - 4_860);
        assertThat(number(balance(DemoUser.INVESTOR_1, "CCER-2025"), "balance"))
                .isEqualTo(RULES.largeTraderThreshold() + 500);

        var report = published("trading.surveillance", r -> r.value().contains("LargeTraderReported")
                && r.value().contains("\"tradeId\":\"" + tradeId + "\""));
        assertThat(report.key()).isEqualTo(DemoUser.INVESTOR_1.partyId());
        assertThat(report.value()).contains("\"holding\":" + (RULES.largeTraderThreshold() + 500),
                "\"thresholdTonnes\":" + RULES.largeTraderThreshold());
    }

    @Test
    void aPartyWhoseOwnTradesMoveThePriceTooFarIsReported() {
        // Half an hour later, so that the window holds only this test's trades.
        ((ManualClock) clock).set(MORNING.plus(Duration.ofMinutes(30)));
        var depth = given().auth().oauth2(accessToken(DemoUser.OPERATOR)).when()
                .get("/api/v1/instruments/CEA-2026/depth").then().statusCode(200).extract().jsonPath();
        long last = depth.getLong("last") > 0 ? depth.getLong("last") : depth.getLong("previousClose");
        long target = last - 900;
        assertThat(target).isGreaterThanOrEqualTo(9_000);
        placed(DemoUser.ENTITY_1, limit("CEA-2026", "BUY", target, 1));
        List<Long> bids = given().auth().oauth2(accessToken(DemoUser.OPERATOR)).when()
                .get("/api/v1/instruments/CEA-2026/depth").then().extract().jsonPath()
                .getList("bids.price", Long.class);
        int level = bids.indexOf(target) + 1;
        assertThat(level).isPositive();

        long take = given().auth().oauth2(accessToken(DemoUser.INDIVIDUAL_1)).contentType("application/json")
                .body(Map.of("clientOrderId", UUID.randomUUID().toString(), "instrument", "CEA-2026", "side", "SELL",
                        "level", level, "quantity", 1))
                .when().post("/api/v1/orders").then().statusCode(201).body("filledQuantity", equalTo(1))
                .extract().jsonPath().getLong("orderId");
        String tradeId = tradeOf(DemoUser.INDIVIDUAL_1, take);

        var alert = published("trading.surveillance", r -> r.value().contains("AbnormalTradingAlert")
                && r.value().contains("\"tradeId\":\"" + tradeId + "\""));
        assertThat(alert.key()).isEqualTo(DemoUser.INDIVIDUAL_1.partyId());
        assertThat(alert.value()).contains("\"fromPriceFen\":" + last, "\"toPriceFen\":" + target,
                "\"limitFen\":500");
    }

    @Test
    void withdrawalHoldsTakeOnlyWhatOpenOrdersLeaveFreeOnceAndEndWithTheirLedgerEntry() {
        // A day of its own: what entity-2 sold on other tests' days is withdrawable here, nothing arrived today.
        ((ManualClock) clock).set(Instant.parse("2026-12-08T02:00:00Z"));
        String clearingHouse = KeycloakTokens.serviceToken("settlement-service");
        long before = number(balance(DemoUser.ENTITY_2, "CNY"), "withdrawable");
        long order = placed(DemoUser.ENTITY_2, limit("CEA-2025", "BUY", 9_100, 1_000));
        long reserved = 1_000L * (9_100 + 100);
        String holdId = UUID.randomUUID().toString();
        String entryId = "WITHDRAWAL:" + holdId;

        hold(clearingHouse, holdId, DemoUser.ENTITY_2, "CNY", before, entryId).statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("INSUFFICIENT_CASH"));
        hold(clearingHouse, holdId, DemoUser.ENTITY_2, "CNY", before - reserved, entryId).statusCode(201)
                .body("amount", equalTo(before - reserved));
        hold(clearingHouse, holdId, DemoUser.ENTITY_2, "CNY", before - reserved, entryId).statusCode(200);
        hold(clearingHouse, holdId, DemoUser.ENTITY_2, "CNY", 1, entryId).statusCode(409)
                .body("code", equalTo("HOLD_ID_REUSED"));
        assertThat(number(balance(DemoUser.ENTITY_2, "CNY"), "held")).isEqualTo(before - reserved);
        assertThat(number(balance(DemoUser.ENTITY_2, "CNY"), "withdrawable")).isZero();
        // What is still free is today's sale proceeds at most (they may buy, not leave; none today): one tonne more
        // is refused.
        long free = number(balance(DemoUser.ENTITY_2, "CNY"), "free");
        place(DemoUser.ENTITY_2, limit("CEA-2025", "BUY", 9_100, free / (9_100 + 100) + 1)).statusCode(422)
                .body("code", equalTo("INSUFFICIENT_CASH"));

        hold(accessToken(DemoUser.ENTITY_2), UUID.randomUUID().toString(), DemoUser.ENTITY_2, "CNY", 1, "W:1")
                .statusCode(403);
        given().auth().oauth2(accessToken(DemoUser.ENTITY_2)).when().get("/api/v1/risk/positions").then()
                .statusCode(403);
        given().auth().oauth2(accessToken(DemoUser.OPERATOR)).when().get("/api/v1/risk/balances").then()
                .statusCode(403);
        hold(clearingHouse, UUID.randomUUID().toString(), DemoUser.ENTITY_2, "CNY", 0, "W:2").statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
        hold(clearingHouse, UUID.randomUUID().toString(), DemoUser.ENTITY_2, "CEA-1", 1, "W:3").statusCode(400);
        List<Map<String, Object>> positions = given().auth().oauth2(accessToken(DemoUser.OPERATOR)).when()
                .get("/api/v1/risk/positions").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(positions).anySatisfy(p -> {
            assertThat(p.get("partyId")).isEqualTo(DemoUser.ENTITY_2.partyId());
            assertThat(p.get("asset")).isEqualTo("CNY");
            assertThat(((Number) p.get("held")).longValue()).isEqualTo(before - reserved);
        });

        // Settlement holds the withdrawal in its ledger: its event carries the lower balance and ends the hold.
        Funding.post(DemoUser.ENTITY_2, entryId, "WITHDRAWAL", Funding.PLENTY_OF_CASH - (before - reserved),
                Map.of());
        assertThat(number(balance(DemoUser.ENTITY_2, "CNY"), "held")).isZero();
        given().auth().oauth2(clearingHouse).when().delete("/api/v1/risk/withdrawal-holds/" + holdId).then()
                .statusCode(404).body("code", equalTo("HOLD_NOT_FOUND"));

        cancel(DemoUser.ENTITY_2, order);
        String unitsHold = UUID.randomUUID().toString();
        hold(clearingHouse, unitsHold, DemoUser.ENTITY_2, "CEA-2025", 10, "UNITS_OUT:" + unitsHold)
                .statusCode(201);
        given().auth().oauth2(clearingHouse).when().delete("/api/v1/risk/withdrawal-holds/" + unitsHold).then()
                .statusCode(204);
        assertThat(number(balance(DemoUser.ENTITY_2, "CEA-2025"), "held")).isZero();
    }

    @Test
    void aRestartRebuildsTheSameViewAndRecordsAJournaledTradeWhoseEventWasLost() {
        placed(DemoUser.ENTITY_1, limit("CEA-2025", "SELL", 10_700, 5));
        long buy = placed(DemoUser.ENTITY_2, limit("CEA-2025", "BUY", 10_700, 5));
        placed(DemoUser.ENTITY_2, limit("CEA-2025", "BUY", 9_050, 300));
        placed(DemoUser.INVESTOR_1, limit("CEA-2025", "SELL", 10_950, 40));
        String tradeId = tradeOf(DemoUser.ENTITY_2, buy);
        published("trading.trades", r -> r.value().contains("\"tradeId\":\"" + tradeId + "\""));

        // As if the service had stopped after journaling the fill but before writing its trade and event.
        Database database = new Database("trading");
        database.update("delete from trade where trade_id = ?", tradeId);
        database.update("delete from risk_delta where entry_id = ?", RiskBook.tradeEntry(tradeId));

        PreTradeRisk restarted = restart.recovered();

        assertThat(held(restarted.book().positions())).isEqualTo(held(risk.book().positions()));
        assertThat(database.count("select count(*) from trade where trade_id = ?", tradeId)).isEqualTo(1);
        AtomicInteger copies = new AtomicInteger();
        published("trading.trades", r -> r.value().contains("\"tradeId\":\"" + tradeId + "\"")
                && copies.incrementAndGet() == 2);
    }

    /** The positions that hold anything, in a stable order. */
    private static List<RiskPosition> held(List<RiskPosition> positions) {
        return positions.stream().filter(p -> p.balance() != 0 || p.reserved() != 0 || p.held() != 0)
                .sorted(Comparator.comparing((RiskPosition p) -> p.partyId().toString())
                        .thenComparing(RiskPosition::asset)).toList();
    }
}
