package cn.carbonmarket.trading.order;

import static cn.carbonmarket.trading.block.Calls.balance;
import static cn.carbonmarket.trading.order.Orders.get;
import static cn.carbonmarket.trading.order.Orders.limit;
import static cn.carbonmarket.trading.order.Orders.place;
import static cn.carbonmarket.trading.order.Orders.placed;
import static cn.carbonmarket.trading.order.Orders.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.trading.risk.Funding;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A participant's order that would trade with its own resting order is cancelled ("cancel the newest") over HTTP,
 * with the real journal, risk view and trade topic. CCER-2025 at 81.00 CNY: the price another test trades this
 * instrument at, and every order here ends filled or cancelled, so the book is left as it was found.
 */
@QuarkusTest
@QuarkusTestResource(EmptyJournal.class)
class SelfTradePreventionTest {

    private static final String INSTRUMENT = "CCER-2025";
    private static final long PRICE = 8_100;

    @BeforeEach
    void everyTraderIsFunded() {
        Funding.everyone();
    }

    @Test
    void anOrderCrossingItsOwnRestingOrderIsCancelledReleasesItsReservationAndTradesNothing() {
        DemoUser party = DemoUser.ENTITY_2;
        long sell = placed(party, limit(INSTRUMENT, "SELL", PRICE, 30));
        long cashReserved = balance(party, "CNY", "reserved");
        long unitsReserved = balance(party, INSTRUMENT, "reserved");

        long buy = place(party, limit(INSTRUMENT, "BUY", PRICE + 50, 20)).statusCode(201)
                .body("state", equalTo("CANCELLED")).body("filledQuantity", equalTo(0))
                .body("openQuantity", equalTo(0)).body("cancelledQuantity", equalTo(20))
                .body("cancelReason", equalTo("SELF_TRADE_PREVENTED")).extract().jsonPath().getLong("orderId");
        place(party, take(INSTRUMENT, "BUY", 1, 5)).statusCode(201).body("state", equalTo("CANCELLED"))
                .body("filledQuantity", equalTo(0)).body("cancelledQuantity", equalTo(5))
                .body("cancelReason", equalTo("SELF_TRADE_PREVENTED"));

        assertThat(balance(party, "CNY", "reserved")).as("the buys' cash is released").isEqualTo(cashReserved);
        assertThat(balance(party, INSTRUMENT, "reserved")).isEqualTo(unitsReserved);
        get(party, "/api/v1/orders/" + sell).statusCode(200).body("state", equalTo("NEW"))
                .body("openQuantity", equalTo(30));
        assertThat(get(party, "/api/v1/fills").statusCode(200).extract().jsonPath().getList("orderId", Long.class))
                .doesNotContain(buy, sell);

        // Another party still trades with the resting order; its trade, published after whatever the party's own
        // orders caused, bounds the search of the topic for a self-trade.
        long other = place(DemoUser.INDIVIDUAL_1, limit(INSTRUMENT, "BUY", PRICE, 30)).statusCode(201)
                .body("state", equalTo("FILLED")).extract().jsonPath().getLong("orderId");
        get(party, "/api/v1/orders/" + sell).statusCode(200).body("state", equalTo("FILLED"));
        String tradeId = get(DemoUser.INDIVIDUAL_1, "/api/v1/fills").statusCode(200).extract().jsonPath()
                .getString("find { it.orderId == " + other + " }.tradeId");
        List<String> selfTrades = new ArrayList<>();
        new KafkaTopic("trading.trades").await(record -> {
            if (record.value().contains("\"buyerPartyId\":\"" + party.partyId() + "\"")
                    && record.value().contains("\"sellerPartyId\":\"" + party.partyId() + "\"")) {
                selfTrades.add(record.value());
            }
            return record.value().contains("\"tradeId\":\"" + tradeId + "\"");
        }, Duration.ofSeconds(20));
        assertThat(selfTrades).isEmpty();
    }
}
