package cn.carbonmarket.trading.order;

import static cn.carbonmarket.trading.block.Calls.balance;
import static cn.carbonmarket.trading.order.Orders.get;
import static cn.carbonmarket.trading.order.Orders.limit;
import static cn.carbonmarket.trading.order.Orders.place;
import static cn.carbonmarket.trading.order.Orders.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.trading.block.Calls;
import cn.carbonmarket.trading.calendar.ManualClock;
import cn.carbonmarket.trading.risk.Funding;
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
 * Pilot allowances trade by their own pilot's rule pack: its band, its party types, its sessions and modes. Each
 * concern trades a pilot instrument of its own, so the books do not depend on the order the tests run in.
 */
@QuarkusTest
@QuarkusTestResource(EmptyJournal.class)
class PilotRulesTest {

    private static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");
    /** Wednesday 15:15 in Shanghai: the national sessions have closed, Guangdong's afternoon runs to 15:30. */
    private static final Instant AFTER_THE_NATIONAL_CLOSE = Instant.parse("2026-11-25T07:15:00Z");
    /** Wednesday 13:10: the national afternoon sessions are open, Guangdong's open at 13:30. */
    private static final Instant NATIONAL_AFTERNOON = Instant.parse("2026-11-25T05:10:00Z");

    @Inject
    Clock clock;

    @BeforeEach
    void tradersAreFundedAndKnownByType() {
        Funding.everyoneKnownByType();
    }

    @AfterEach
    void backToTheMorningSession() {
        ((ManualClock) clock).set(MORNING);
    }

    @Test
    void aBeijingOrderTradesAtTheEdgeOfBeijingsTwentyPercentBandAndIsRefusedATickBeyond() {
        // BEA-2025's reference close is 102.00 CNY; Beijing's band is +-20%: 81.60 .. 122.40.
        Funding.units(DemoUser.ENTITY_1, "BEA-2025", 1_000);
        long reservedBefore = balance(DemoUser.ENTITY_2, "CNY", "reserved");

        place(DemoUser.ENTITY_2, limit("BEA-2025", "BUY", 12_241, 10)).statusCode(422)
                .body("code", equalTo("PRICE_ABOVE_BAND")).body("detail", containsString("8160..12240"));
        assertThat(balance(DemoUser.ENTITY_2, "CNY", "reserved")).as("a refused order reserves nothing")
                .isEqualTo(reservedBefore);
        long buy = placed(DemoUser.ENTITY_2, limit("BEA-2025", "BUY", 12_240, 10));
        get(DemoUser.OPERATOR, "/api/v1/instruments/BEA-2025/depth").statusCode(200)
                .body("previousClose", equalTo(10_200)).body("bids[0].price", equalTo(12_240));

        place(DemoUser.ENTITY_1, limit("BEA-2025", "SELL", 8_159, 10)).statusCode(422)
                .body("code", equalTo("PRICE_BELOW_BAND"));
        place(DemoUser.ENTITY_1, limit("BEA-2025", "SELL", 8_160, 10)).statusCode(201)
                .body("state", equalTo("FILLED")).body("filledValueFen", equalTo(10 * 12_240));
        get(DemoUser.ENTITY_2, "/api/v1/orders/" + buy).statusCode(200).body("state", equalTo("FILLED"));
        assertThat(balance(DemoUser.ENTITY_2, "BEA-2025", "balance")).as("the buyer holds what it bought")
                .isEqualTo(10);
    }

    @Test
    void anIndividualIsRefusedWhereThePilotAdmitsNoneAndTradesWhereItDoes() {
        Funding.units(DemoUser.ENTITY_1, "HBEA-2025", 1_000);
        long reservedBefore = balance(DemoUser.INDIVIDUAL_1, "CNY", "reserved");

        place(DemoUser.INDIVIDUAL_1, limit("SHEA-2025", "BUY", 3_978, 5)).statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("PARTY_NOT_ELIGIBLE"))
                .body("detail", containsString("Shanghai pilot (SH)"))
                .body("detail", containsString("[COMPLIANCE_ENTITY, INSTITUTION]"));
        assertThat(balance(DemoUser.INDIVIDUAL_1, "CNY", "reserved")).isEqualTo(reservedBefore);
        get(DemoUser.INDIVIDUAL_1, "/api/v1/orders").statusCode(200)
                .body("instrument", not(hasItem("SHEA-2025")));
        placed(DemoUser.INVESTOR_1, limit("SHEA-2025", "BUY", 3_978, 5));

        // Hubei admits individuals.
        long buy = placed(DemoUser.INDIVIDUAL_1, limit("HBEA-2025", "BUY", 4_067, 5));
        placed(DemoUser.ENTITY_1, limit("HBEA-2025", "SELL", 4_067, 5));
        get(DemoUser.INDIVIDUAL_1, "/api/v1/orders/" + buy).statusCode(200).body("state", equalTo("FILLED"));
        get(DemoUser.INDIVIDUAL_1, "/api/v1/fills").statusCode(200)
                .body("find { it.instrument == 'HBEA-2025' }.priceFen", equalTo(4_067));
    }

    @Test
    void eachPilotTradesInItsOwnSessions() {
        ((ManualClock) clock).set(AFTER_THE_NATIONAL_CLOSE);
        place(DemoUser.ENTITY_2, limit("CEA-2025", "BUY", 10_000, 1)).statusCode(422)
                .body("code", equalTo("OUTSIDE_SESSION"));
        long late = placed(DemoUser.ENTITY_2, limit("GDEA-2025", "BUY", 3_600, 1));

        ((ManualClock) clock).set(NATIONAL_AFTERNOON);
        place(DemoUser.ENTITY_2, limit("GDEA-2025", "BUY", 3_600, 1)).statusCode(422)
                .body("code", equalTo("OUTSIDE_SESSION")).body("detail", containsString("13:30"));
        placed(DemoUser.ENTITY_2, limit("CEA-2025", "BUY", 10_000, 1));
        List<Long> ids = get(DemoUser.ENTITY_2, "/api/v1/orders").statusCode(200).extract().jsonPath()
                .getList("findAll { it.instrument == 'GDEA-2025' }.orderId", Long.class);
        assertThat(ids).containsExactly(late);
    }

    @Test
    void aBlockOfferIsRefusedWhereThePilotHasNoBlockTradingOrItsBlockSessionIsClosed() {
        ((ManualClock) clock).set(NATIONAL_AFTERNOON);
        Calls.post(DemoUser.ENTITY_1, "/api/v1/block-offers", offer("HBEA-2024", 100_000, 4_067)).statusCode(422)
                .body("code", equalTo("OUTSIDE_SESSION")).body("detail", containsString("no block agreement trading"));
        Calls.post(DemoUser.ENTITY_1, "/api/v1/block-offers", offer("GDEA-2024", 100_000, 3_615)).statusCode(422)
                .body("code", equalTo("OUTSIDE_SESSION")).body("detail", containsString("GD"));
        Calls.get(DemoUser.ENTITY_1, "/api/v1/block-offers").statusCode(200)
                .body("instrument", not(hasItem("HBEA-2024"))).body("instrument", not(hasItem("GDEA-2024")));
    }

    private static Map<String, Object> offer(String instrument, long quantity, long price) {
        return Map.of("instrument", instrument, "side", "BUY", "quantity", quantity, "priceFen", price);
    }
}
