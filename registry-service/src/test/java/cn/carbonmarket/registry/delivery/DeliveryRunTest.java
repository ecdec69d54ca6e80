package cn.carbonmarket.registry.delivery;

import static cn.carbonmarket.registry.RegistryFixtures.CEA;
import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.registry.RegistryFixtures.holdingOf;
import static cn.carbonmarket.registry.RegistryFixtures.quantity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.registry.TestClock;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settlement's delivery instructions over the real topic: booked whole, or rejected whole. */
@QuarkusTest
class DeliveryRunTest {


    @Inject
    TestClock clock;

    @AfterEach
    void backToTheWallClock() {
        clock.followTheWallClock();
    }

    private static String seller() {
        return holdingOf(DemoUser.ENTITY_1);
    }

    private static String buyer() {
        return holdingOf(DemoUser.ENTITY_2);
    }

    @BeforeEach
    void bothPartiesHaveUnitsInTrading() {
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_1, 10_000);
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_2, 1_000);
        if (quantity(seller(), CEA, "IN_TRADING") < 1_000) {
            RegistryFixtures.intoTrading(DemoUser.ENTITY_1, 5_000);
        }
    }

    private static String run(String runId, long seller, long buyer) {
        String json = """
                {"eventId":"%s","type":"DeliveryInstructions","version":1,"occurredAt":"%s",\
                "producer":"settlement-service","key":"%s","payload":{"runId":"%s","tradeDate":"2026-11-25",\
                "deliveries":[{"partyId":"%s","instrument":"%s","netUnits":%d},\
                {"partyId":"%s","instrument":"%s","netUnits":%d}]}}"""
                .formatted(UUID.randomUUID(), Instant.now(), runId, runId, DemoUser.ENTITY_1.partyId(), CEA, seller,
                        DemoUser.ENTITY_2.partyId(), CEA, buyer);
        new KafkaTopic("settlement.delivery-instructions").send(runId, json);
        return json;
    }

    private static void awaitRun(String runId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> DB.count("select count(*) from delivery_run where run_id = ?", runId) == 1);
    }

    @Test
    void aBalancedRunMovesUnitsInTradingOnceHoweverOftenItArrives() throws Exception {
        long seller = quantity(seller(), CEA, "IN_TRADING");
        long buyer = quantity(buyer(), CEA, "IN_TRADING");
        String runId = "EOD-" + UUID.randomUUID();
        String json = run(runId, -400, 400);
        awaitRun(runId);
        // The booking names its run, so that settlement knows which run it delivers.
        String bookingId = DB.texts("select transaction_id::text from delivery_run where run_id = ?", runId).get(0);
        var booked = new ObjectMapper().readTree(new KafkaTopic("registry.transactions")
                .await(r -> r.value().contains(bookingId), Duration.ofSeconds(20)).value());
        assertThat(booked.get("type").asText()).isEqualTo("TransactionBooked");
        assertThat(booked.at("/payload/type").asText()).isEqualTo("SETTLEMENT_DELIVERY");
        assertThat(booked.at("/payload/reference").asText()).isEqualTo(runId);
        new KafkaTopic("settlement.delivery-instructions").send(runId, json);
        String marker = "EOD-" + UUID.randomUUID();
        run(marker, -1, 1);
        awaitRun(marker);

        assertThat(DB.count("select count(*) from delivery_run where run_id = ? and status = 'BOOKED'", runId))
                .isEqualTo(1);
        assertThat(quantity(seller(), CEA, "IN_TRADING")).isEqualTo(seller - 401);
        assertThat(quantity(buyer(), CEA, "IN_TRADING")).isEqualTo(buyer + 401);
    }

    @Test
    void aRunIsStampedByTheRegistrysClockNotTheWallClock() {
        Instant standing = Instant.parse("2026-01-05T01:02:03Z");
        clock.standAt(standing);
        String booked = "EOD-" + UUID.randomUUID();
        String rejected = "EOD-" + UUID.randomUUID();
        run(booked, -1, 1);
        run(rejected, -2, 1);
        awaitRun(booked);
        awaitRun(rejected);

        assertThat(DB.texts("select status || ' ' || to_char(received_at at time zone 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from delivery_run where run_id in (?, ?) order by status",
                booked, rejected)).containsExactly("BOOKED 2026-01-05T01:02:03Z", "REJECTED 2026-01-05T01:02:03Z");
    }

    @Test
    void anUnbalancedRunIsRejectedWholeAndTheRejectionPublished() throws Exception {
        long seller = quantity(seller(), CEA, "IN_TRADING");
        long buyer = quantity(buyer(), CEA, "IN_TRADING");
        String runId = "EOD-" + UUID.randomUUID();
        run(runId, -50, 49);
        awaitRun(runId);

        assertThat(DB.count("select count(*) from delivery_run where run_id = ? and status = 'REJECTED'"
                + " and reason_code = 'UNBALANCED'", runId)).isEqualTo(1);
        assertThat(quantity(seller(), CEA, "IN_TRADING")).isEqualTo(seller);
        assertThat(quantity(buyer(), CEA, "IN_TRADING")).isEqualTo(buyer);
        var event = new ObjectMapper().readTree(new KafkaTopic("registry.transactions")
                .await(r -> runId.equals(r.key()), Duration.ofSeconds(20)).value());
        assertThat(event.get("type").asText()).isEqualTo("DeliveryRunRejected");
        assertThat(event.at("/payload/code").asText()).isEqualTo("UNBALANCED");
    }

    @Test
    void aRunThatWouldOverdrawUnitsInTradingIsRejectedWhole() {
        long seller = quantity(seller(), CEA, "IN_TRADING");
        String runId = "EOD-" + UUID.randomUUID();
        run(runId, -(seller + 1), seller + 1);
        awaitRun(runId);
        assertThat(DB.count("select count(*) from delivery_run where run_id = ? and reason_code = 'INSUFFICIENT_UNITS'",
                runId)).isEqualTo(1);
        assertThat(quantity(seller(), CEA, "IN_TRADING")).isEqualTo(seller);
    }

    @Test
    void everyRefusalOfARunIsPublishedAndTheRunIsBookedWhenResentOnceItsUnitsAreThere() {
        long seller = quantity(seller(), CEA, "IN_TRADING");
        long buyer = quantity(buyer(), CEA, "IN_TRADING");
        String runId = "EOD-" + UUID.randomUUID();
        KafkaTopic answers = new KafkaTopic("registry.transactions");
        run(runId, -(seller + 100), seller + 100);
        awaitRun(runId);
        run(runId, -(seller + 100), seller + 100);
        AtomicInteger refusals = new AtomicInteger();
        answers.await(r -> runId.equals(r.key()) && r.value().contains("DeliveryRunRejected")
                && refusals.incrementAndGet() == 2, Duration.ofSeconds(20));

        RegistryFixtures.intoTrading(DemoUser.ENTITY_1, 200);
        run(runId, -(seller + 100), seller + 100);
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("select count(*) from delivery_run"
                + " where run_id = ? and status = 'BOOKED' and transaction_id is not null", runId) == 1);
        assertThat(quantity(seller(), CEA, "IN_TRADING")).isEqualTo(seller + 200 - (seller + 100));
        assertThat(quantity(buyer(), CEA, "IN_TRADING")).isEqualTo(buyer + seller + 100);
    }

    private static String release(String withdrawalId, long quantity) {
        String json = """
                {"eventId":"%s","type":"UnitsReleased","version":1,"occurredAt":"%s",\
                "producer":"settlement-service","key":"%s","payload":{"withdrawalId":"%s","partyId":"%s",\
                "instrument":"%s","quantity":%d,"releasedAt":"%s"}}"""
                .formatted(UUID.randomUUID(), Instant.now(), DemoUser.ENTITY_1.partyId(), withdrawalId,
                        DemoUser.ENTITY_1.partyId(), CEA, quantity, Instant.now());
        new KafkaTopic("settlement.delivery-instructions").send(DemoUser.ENTITY_1.partyId(), json);
        return json;
    }

    private static long releases(String withdrawalId) {
        return DB.count("select count(*) from registry_transaction where type = 'FROM_TRADING'"
                + " and idempotency_key like ?", "%units-released/" + withdrawalId);
    }

    @Test
    void releasedUnitsComeBackFromTradingOnceHoweverOftenTheReleaseArrives() {
        long inTrading = quantity(seller(), CEA, "IN_TRADING");
        long available = quantity(seller(), CEA, "AVAILABLE");
        String withdrawal = "W-" + UUID.randomUUID();
        String json = release(withdrawal, 300);
        await().atMost(Duration.ofSeconds(30)).until(() -> releases(withdrawal) == 1);
        new KafkaTopic("settlement.delivery-instructions").send(DemoUser.ENTITY_1.partyId(), json);
        String marker = "W-" + UUID.randomUUID();
        release(marker, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> releases(marker) == 1);

        assertThat(releases(withdrawal)).isEqualTo(1);
        assertThat(quantity(seller(), CEA, "IN_TRADING")).isEqualTo(inTrading - 301);
        assertThat(quantity(seller(), CEA, "AVAILABLE")).isEqualTo(available + 301);
    }

    @Test
    void aReleaseOfMoreThanIsInTradingBooksNothing() {
        long inTrading = quantity(seller(), CEA, "IN_TRADING");
        long available = quantity(seller(), CEA, "AVAILABLE");
        String withdrawal = "W-" + UUID.randomUUID();
        release(withdrawal, inTrading + 1);
        // The same partition delivers in order: once the marker is booked, the refused release has been handled.
        String marker = "W-" + UUID.randomUUID();
        release(marker, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> releases(marker) == 1);

        assertThat(releases(withdrawal)).isZero();
        assertThat(quantity(seller(), CEA, "IN_TRADING")).isEqualTo(inTrading - 1);
        assertThat(quantity(seller(), CEA, "AVAILABLE")).isEqualTo(available + 1);
    }
}
