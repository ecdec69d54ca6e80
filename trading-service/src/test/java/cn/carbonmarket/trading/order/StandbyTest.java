package cn.carbonmarket.trading.order;

import static cn.carbonmarket.trading.order.Orders.get;
import static cn.carbonmarket.trading.order.Orders.limit;
import static cn.carbonmarket.trading.order.Orders.place;
import static cn.carbonmarket.trading.order.Orders.placed;
import static cn.carbonmarket.trading.order.Orders.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.trading.engine.OrderView;
import cn.carbonmarket.trading.leadership.Leadership;
import cn.carbonmarket.trading.risk.Funding;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An instance started while another holds the exchange's lease: a standby that serves reads from books it keeps
 * warm by following the journal, refuses writes with 503 NOT_LEADER, refuses a deposed leader's late record, and
 * takes over once the lease is free, without reusing an order id.
 */
@QuarkusTest
@TestProfile(Standby.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandbyTest {

    private static final InstrumentCode CEA = InstrumentCode.parse("CEA-2025");
    private static final KafkaTopic JOURNAL = new KafkaTopic("trading.orders");
    /** Far above what the exchange hands out in a test run: the other instance's orders. */
    private static final long FOLLOWED_ID = 50_000_000;
    private static final InstrumentCode LISTED_AND_TRADED = InstrumentCode.parse("CEA-2099");
    private static final InstrumentCode LISTED_ONLY = InstrumentCode.parse("CEA-2098");

    @Inject
    Leadership leadership;
    @Inject
    ExchangeQueries books;
    @Inject
    ExchangeRecovery recovery;
    @Inject
    MeterRegistry metrics;
    @Inject
    Clock clock;

    @Test
    @Order(1)
    void aStandbyAnswersReadsAndRefusesEveryWriteWithRetryAfter() {
        assertThat(leadership.state()).isEqualTo(Leadership.State.STANDBY);

        place(DemoUser.ENTITY_1, limit("CEA-2025", "SELL", 10_050, 10)).statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "1").body("code", equalTo("NOT_LEADER"));
        post(DemoUser.OPERATOR, "/api/v1/instruments/CEA-2025/halt").statusCode(503)
                .body("code", equalTo("NOT_LEADER"));
        get(DemoUser.ENTITY_1, "/api/v1/risk/balances").statusCode(503).body("code", equalTo("NOT_LEADER"));

        get(DemoUser.REGULATOR, "/api/v1/instruments/CEA-2025/depth").statusCode(200);
        get(DemoUser.ENTITY_1, "/api/v1/orders").statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(503);
    }

    @Test
    @Order(2)
    void itFollowsTheLeadersJournalRefusesALateRecordOfAnOlderEpochAndTakesOverWhenTheLeaseIsFree() {
        long epoch = LeaseHeldElsewhere.epoch();
        double fencedBefore = metrics.counter("market.trading.journal.fenced").count();
        String clientOrderId = UUID.randomUUID().toString();
        journal(placeLimit(FOLLOWED_ID, DemoUser.ENTITY_1, clientOrderId, "SELL", 10_060, 7, epoch));
        // A deposed leader's write that reached the partition after the current leader's record.
        journal(placeLimit(FOLLOWED_ID + 1, DemoUser.ENTITY_2, UUID.randomUUID().toString(), "BUY", 9_940, 5,
                epoch - 1));

        // The other instance listed a vintage and took an order on it, and listed one more that has no order yet.
        listedElsewhere(LISTED_AND_TRADED);
        listedElsewhere(LISTED_ONLY);
        JOURNAL.send(LISTED_AND_TRADED.toString(), placeLimit(LISTED_AND_TRADED, FOLLOWED_ID + 2, DemoUser.ENTITY_1,
                UUID.randomUUID().toString(), "SELL", 9_100, 4, epoch));

        eventually(() -> ownOrderIds(DemoUser.ENTITY_1).contains(FOLLOWED_ID));
        eventually(() -> ownOrderIds(DemoUser.ENTITY_1).contains(FOLLOWED_ID + 2));
        assertThat(books.depth(LISTED_AND_TRADED).await().indefinitely().previousClose()).isEqualTo(9_000);
        assertThat(books.instruments()).doesNotContain(LISTED_ONLY);
        eventually(() -> metrics.counter("market.trading.journal.fenced").count() > fencedBefore);
        assertThat(ownOrderIds(DemoUser.ENTITY_2)).doesNotContain(FOLLOWED_ID + 1);
        assertThat(recovery.rebuildFromJournal().engines().get(CEA).depth())
                .isEqualTo(books.depth(CEA).await().indefinitely());

        long released = System.nanoTime();
        LeaseHeldElsewhere.released();
        eventually(leadership::accepting);
        System.out.printf("standby took over %d ms after the lease was released%n",
                Duration.ofNanos(System.nanoTime() - released).toMillis());
        assertThat(leadership.epoch()).isGreaterThan(epoch);
        given().when().get("/q/health/ready").then().statusCode(200);

        Funding.everyone();
        long next = placed(DemoUser.ENTITY_2, limit("CEA-2025", "BUY", 9_950, 3));
        assertThat(next).isGreaterThan(FOLLOWED_ID + 2);
        assertThat(books.instruments()).contains(LISTED_AND_TRADED, LISTED_ONLY);
        place(DemoUser.ENTITY_2, limit(LISTED_ONLY.toString(), "BUY", 9_000, 1)).statusCode(201);
        place(DemoUser.ENTITY_1, sameAs(clientOrderId)).statusCode(200)
                .body("orderId", equalTo((int) FOLLOWED_ID));
    }

    private static Map<String, Object> sameAs(String clientOrderId) {
        Map<String, Object> body = limit("CEA-2025", "SELL", 10_060, 7);
        body.put("clientOrderId", clientOrderId);
        return body;
    }

    private String placeLimit(long orderId, DemoUser user, String clientOrderId, String side, long price,
                              long quantity, long epoch) {
        return placeLimit(CEA, orderId, user, clientOrderId, side, price, quantity, epoch);
    }

    private String placeLimit(InstrumentCode instrument, long orderId, DemoUser user, String clientOrderId,
                              String side, long price, long quantity, long epoch) {
        return """
                {"version":2,"type":"PLACE_LIMIT","instrument":"%s","orderId":%d,"party":"%s",\
                "clientOrderId":"%s","side":"%s","price":%d,"quantity":%d,"at":"%s","epoch":%d}"""
                .formatted(instrument, orderId, user.partyId(), clientOrderId, side, price, quantity, clock.instant(),
                        epoch);
    }

    /** A listing as the active instance records it (the standby reads it when the journal names the instrument). */
    private static void listedElsewhere(InstrumentCode instrument) {
        new Database("trading").count("with listed as (insert into instrument_listing (code, reference_close_fen,"
                + " source, listed_by, listed_at) values (?, 9000, 'listed by the other instance', 'operator-1',"
                + " now()) on conflict do nothing returning 1) select count(*) from listed", instrument.toString());
    }

    private static void journal(String record) {
        JOURNAL.send("CEA-2025", record);
    }

    private List<Long> ownOrderIds(DemoUser user) {
        return books.orders(PartyId.parse(user.partyId())).await().indefinitely().stream()
                .map(OrderView::orderId).toList();
    }

    private static void eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 10 s").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
