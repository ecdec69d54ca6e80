package cn.carbonmarket.trading.order;

import static cn.carbonmarket.trading.order.Orders.cancel;
import static cn.carbonmarket.trading.order.Orders.get;
import static cn.carbonmarket.trading.order.Orders.limit;
import static cn.carbonmarket.trading.order.Orders.place;
import static cn.carbonmarket.trading.order.Orders.placed;
import static cn.carbonmarket.trading.order.Orders.post;
import static cn.carbonmarket.trading.order.Orders.take;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.trading.risk.Funding;
import cn.carbonmarket.trading.calendar.ManualClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Order entry over HTTP with real tokens and the real journal. Each concern trades its own instrument so that
 * the books do not depend on the order the tests run in.
 */
@QuarkusTest
@QuarkusTestResource(EmptyJournal.class)
class OrderEntryTest {

    @BeforeEach
    void everyTraderIsFunded() {
        Funding.everyone();
    }

    private static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");

    @Inject
    Clock clock;

    @AfterEach
    void backToTheMorningSession() {
        ((ManualClock) clock).set(MORNING);
    }

    @Test
    void twoPartiesOrdersCrossAndBothSeeTheFill() {
        long sell = placed(DemoUser.ENTITY_1, limit("CEA-2024", "SELL", 9_050, 300));
        place(DemoUser.INVESTOR_1, limit("CEA-2024", "BUY", 9_100, 500)).statusCode(201)
                .body("state", equalTo("PARTIALLY_FILLED")).body("filledQuantity", equalTo(300))
                .body("openQuantity", equalTo(200)).body("cancelledQuantity", equalTo(0))
                .body("filledValueFen", equalTo(300 * 9_050));

        get(DemoUser.ENTITY_1, "/api/v1/orders/" + sell).statusCode(200).body("state", equalTo("FILLED"));
        String mine = "findAll { it.instrument == 'CEA-2024' }";
        String tradeId = get(DemoUser.ENTITY_1, "/api/v1/fills").statusCode(200)
                .body(mine + ".side", contains("SELL")).body(mine + ".priceFen", contains(9_050))
                .body(mine + ".quantity", contains(300)).body(mine + ".orderId", contains((int) sell))
                .body(mine + ".maker", contains(true)).extract().jsonPath().getString(mine + "[0].tradeId");
        get(DemoUser.INVESTOR_1, "/api/v1/fills").statusCode(200)
                .body("tradeId", hasItem(tradeId)).body("find { it.tradeId == '" + tradeId + "' }.side", equalTo("BUY"));
        get(DemoUser.ENTITY_2, "/api/v1/fills").statusCode(200).body("tradeId", not(hasItem(tradeId)));

        get(DemoUser.OPERATOR, "/api/v1/instruments/CEA-2024/depth").statusCode(200)
                .body("bids[0].price", equalTo(9_100)).body("bids[0].quantity", equalTo(200))
                .body("asks", hasSize(0)).body("last", equalTo(9_050)).body("volume", equalTo(300));
    }

    @Test
    void aTakeTradesAtTheChosenLevelAndCancelsTheRest() {
        placed(DemoUser.ENTITY_1, limit("CEA-2026", "SELL", 10_200, 100));
        placed(DemoUser.ENTITY_1, limit("CEA-2026", "SELL", 10_210, 100));
        place(DemoUser.ENTITY_2, take("CEA-2026", "BUY", 2, 150)).statusCode(201)
                .body("type", equalTo("TAKE_AT_LEVEL")).body("state", equalTo("CANCELLED"))
                .body("filledQuantity", equalTo(100)).body("cancelledQuantity", equalTo(50))
                .body("filledValueFen", equalTo(100 * 10_210));
        place(DemoUser.ENTITY_2, take("CEA-2026", "BUY", 5, 10)).statusCode(201)
                .body("state", equalTo("REJECTED")).body("rejectedFor", equalTo("NO_SUCH_LEVEL"));
    }

    @Test
    void depthShowsTheBestFiveLevelsASide() {
        for (int i = 0; i < 7; i++) {
            placed(DemoUser.INVESTOR_1, limit("CCER-2025", "BUY", 7_500 + i, 10 + i));
        }
        placed(DemoUser.INVESTOR_1, limit("CCER-2025", "BUY", 7_506, 4));
        get(DemoUser.INVESTOR_1, "/api/v1/instruments/CCER-2025/depth").statusCode(200)
                .body("bids.price", contains(7_506, 7_505, 7_504, 7_503, 7_502))
                .body("bids[0].quantity", equalTo(20)).body("bids[0].orders", equalTo(2))
                .body("previousClose", equalTo(8_000)).body("halted", equalTo(false));
        get(DemoUser.INVESTOR_1, "/api/v1/instruments/CEA-1999/depth").statusCode(400);
        get(DemoUser.INVESTOR_1, "/api/v1/instruments/CEA-2030/depth").statusCode(404)
                .body("code", equalTo("INSTRUMENT_NOT_LISTED"));
    }

    @Test
    void theSameClientOrderIdReturnsTheFirstOrderAndADifferentOrderUnderItConflicts() {
        Map<String, Object> order = limit("CEA-2024", "BUY", 8_500, 10);
        long first = placed(DemoUser.ENTITY_2, order);
        place(DemoUser.ENTITY_2, order).statusCode(200).body("orderId", equalTo((int) first));
        Map<String, Object> other = limit("CEA-2024", "BUY", 8_501, 10);
        other.put("clientOrderId", order.get("clientOrderId"));
        place(DemoUser.ENTITY_2, other).statusCode(409).body("code", equalTo("CLIENT_ORDER_ID_REUSED"));
        // Another party's client order ids are its own.
        place(DemoUser.ENTITY_1, order).statusCode(201).body("orderId", not(equalTo((int) first)));
        assertThat(get(DemoUser.ENTITY_2, "/api/v1/orders").statusCode(200).extract().jsonPath()
                .getList("clientOrderId")).containsOnlyOnce((String) order.get("clientOrderId"));
    }

    @Test
    void aParticipantCancelsItsOwnOrderOnlyAndOnlyOnce() {
        long order = placed(DemoUser.ENTITY_1, limit("CEA-2024", "BUY", 8_600, 40));

        get(DemoUser.ENTITY_2, "/api/v1/orders/" + order).statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("ORDER_NOT_FOUND"));
        cancel(DemoUser.ENTITY_2, order).statusCode(404).body("code", equalTo("ORDER_NOT_FOUND"));
        assertThat(get(DemoUser.ENTITY_2, "/api/v1/orders").statusCode(200).extract().jsonPath()
                .getList("orderId", Long.class)).doesNotContain(order);

        cancel(DemoUser.ENTITY_1, order).statusCode(200).body("state", equalTo("CANCELLED"))
                .body("cancelledQuantity", equalTo(40)).body("openQuantity", equalTo(0));
        cancel(DemoUser.ENTITY_1, order).statusCode(409).body("code", equalTo("ORDER_NOT_OPEN"));
        cancel(DemoUser.ENTITY_1, 999_999_999L).statusCode(404);
    }

    @Test
    void everyListingRuleRefusesWithItsCode() {
        place(DemoUser.ENTITY_1, limit("CCER-2025", "BUY", 8_801, 1)).statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("PRICE_ABOVE_BAND"));
        place(DemoUser.ENTITY_1, limit("CCER-2025", "SELL", 7_199, 1)).statusCode(422)
                .body("code", equalTo("PRICE_BELOW_BAND"));
        place(DemoUser.ENTITY_1, limit("CCER-2025", "BUY", 8_000, 100_000)).statusCode(422)
                .body("code", equalTo("QUANTITY_ABOVE_MAXIMUM"));
        place(DemoUser.ENTITY_1, take("CCER-2025", "BUY", 6, 1)).statusCode(422)
                .body("code", equalTo("LEVEL_OUT_OF_RANGE"));
        place(DemoUser.ENTITY_1, limit("BEA-2023", "BUY", 8_000, 1)).statusCode(404)
                .body("code", equalTo("INSTRUMENT_NOT_LISTED"));

        Map<String, Object> both = limit("CCER-2025", "BUY", 8_000, 1);
        both.put("level", 1);
        place(DemoUser.ENTITY_1, both).statusCode(400).body("errors.field", hasItem("priceFen"));
        place(DemoUser.ENTITY_1, limit("CCER-2025", "BUY", 8_000, 0)).statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        Map<String, Object> party = limit("CCER-2025", "BUY", 8_000, 1);
        party.put("party", DemoUser.ENTITY_2.partyId());
        place(DemoUser.ENTITY_1, party).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void outsideTheSessionOrdersAreRefusedAndAcceptedAgainWhenItOpens() {
        ManualClock manual = (ManualClock) clock;
        manual.set(Instant.parse("2026-11-25T04:00:00Z"));
        place(DemoUser.ENTITY_1, limit("CCER-2025", "BUY", 8_000, 1)).statusCode(422)
                .body("code", equalTo("OUTSIDE_SESSION"));
        manual.set(Instant.parse("2026-11-28T02:00:00Z"));
        place(DemoUser.ENTITY_1, limit("CCER-2025", "BUY", 8_000, 1)).statusCode(422)
                .body("code", equalTo("OUTSIDE_SESSION"));
        manual.set(Instant.parse("2026-11-25T05:00:00Z"));
        place(DemoUser.ENTITY_1, limit("CCER-2025", "BUY", 7_300, 1)).statusCode(201);
    }

    @Test
    void theOperatorHaltsAndResumesAnInstrument() {
        long resting = placed(DemoUser.ENTITY_1, limit("CEA-2026", "SELL", 10_100, 10));

        post(DemoUser.INVESTOR_1, "/api/v1/instruments/CEA-2026/halt").statusCode(403)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
        post(DemoUser.OPERATOR, "/api/v1/instruments/CEA-2026/halt").statusCode(200).body("halted", equalTo(true));
        post(DemoUser.OPERATOR, "/api/v1/instruments/CEA-2026/halt").statusCode(409)
                .body("code", equalTo("INSTRUMENT_ALREADY_HALTED"));
        place(DemoUser.ENTITY_2, limit("CEA-2026", "BUY", 10_100, 10)).statusCode(422)
                .body("code", equalTo("INSTRUMENT_HALTED"));
        get(DemoUser.REGULATOR, "/api/v1/instruments/CEA-2026/depth").statusCode(200).body("halted", equalTo(true));
        cancel(DemoUser.ENTITY_1, resting).statusCode(200).body("state", equalTo("CANCELLED"));

        post(DemoUser.OPERATOR, "/api/v1/instruments/CEA-2026/resume").statusCode(200)
                .body("halted", equalTo(false));
        post(DemoUser.OPERATOR, "/api/v1/instruments/CEA-2026/resume").statusCode(409)
                .body("code", equalTo("INSTRUMENT_NOT_HALTED"));
        place(DemoUser.ENTITY_2, limit("CEA-2026", "BUY", 10_100, 10)).statusCode(201);
    }

    @Test
    void onlyParticipantsEnterOrdersAndEveryoneMustAuthenticate() {
        place(DemoUser.OPERATOR, limit("CEA-2024", "BUY", 9_000, 1)).statusCode(403)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
        place(DemoUser.REGULATOR, limit("CEA-2024", "BUY", 9_000, 1)).statusCode(403);
        get(DemoUser.OPERATOR, "/api/v1/orders").statusCode(403);
        get(DemoUser.VERIFIER_1, "/api/v1/fills").statusCode(403);
        get(DemoUser.VERIFIER_1, "/api/v1/instruments/CEA-2024/depth").statusCode(403);
        for (String path : List.of("/api/v1/orders", "/api/v1/fills", "/api/v1/instruments/CEA-2024/depth")) {
            given().when().get(path).then().statusCode(401).contentType("application/problem+json");
        }
        given().contentType("application/json").body(limit("CEA-2024", "BUY", 9_000, 1))
                .when().post("/api/v1/orders").then().statusCode(401);
    }
}
