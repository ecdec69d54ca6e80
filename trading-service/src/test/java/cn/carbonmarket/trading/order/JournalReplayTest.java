package cn.carbonmarket.trading.order;

import static cn.carbonmarket.trading.order.Orders.cancel;
import static cn.carbonmarket.trading.order.Orders.limit;
import static cn.carbonmarket.trading.order.Orders.placed;
import static cn.carbonmarket.trading.order.Orders.post;
import static cn.carbonmarket.trading.order.Orders.take;
import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.trading.risk.Funding;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.trading.engine.InstrumentEngine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The journal holds every accepted command before the client hears back, and rebuilds the same books. */
@QuarkusTest
@QuarkusTestResource(EmptyJournal.class)
class JournalReplayTest {

    @BeforeEach
    void everyTraderIsFunded() {
        Funding.everyone();
    }

    private static final InstrumentCode CEA = InstrumentCode.parse("CEA-2025");

    @Inject
    ExchangeRecovery recovery;
    @Inject
    ExchangeQueries books;

    @Test
    void freshEnginesRebuiltFromTheJournalMatchTheLiveOnes() {
        for (int i = 0; i < 6; i++) {
            placed(DemoUser.ENTITY_1, limit("CEA-2025", "SELL", 10_010 + i, 100 + i));
            placed(DemoUser.ENTITY_2, limit("CEA-2025", "BUY", 9_990 - i, 50 + i));
        }
        long cancelled = placed(DemoUser.ENTITY_2, limit("CEA-2025", "BUY", 9_900, 70));
        cancel(DemoUser.ENTITY_2, cancelled).statusCode(200);
        placed(DemoUser.INVESTOR_1, limit("CEA-2025", "BUY", 10_012, 250));
        placed(DemoUser.INVESTOR_1, take("CEA-2025", "SELL", 3, 60));
        post(DemoUser.OPERATOR, "/api/v1/instruments/CEA-2025/halt").statusCode(200);

        Map<InstrumentCode, InstrumentEngine> rebuilt = recovery.rebuildFromJournal().engines();

        InstrumentEngine engine = rebuilt.get(CEA);
        assertThat(engine.depth()).isEqualTo(books.depth(CEA).await().indefinitely());
        assertThat(engine.halted()).isTrue();
        for (DemoUser user : List.of(DemoUser.ENTITY_1, DemoUser.ENTITY_2, DemoUser.INVESTOR_1)) {
            PartyId party = PartyId.parse(user.partyId());
            assertThat(engine.orders(party)).isEqualTo(books.orders(party).await().indefinitely().stream()
                    .filter(o -> o.instrument().equals(CEA)).toList());
            assertThat(engine.fills(party)).isEqualTo(books.fills(party).await().indefinitely().stream()
                    .filter(f -> f.instrument().equals(CEA)).toList());
        }
        assertThat(engine.fills(PartyId.parse(DemoUser.INVESTOR_1.partyId()))).isNotEmpty();
        post(DemoUser.OPERATOR, "/api/v1/instruments/CEA-2025/resume").statusCode(200);
    }

    @Test
    void concurrentOrdersAreJournaledInTheOrderTheEngineAppliedThem() throws Exception {
        List<DemoUser> traders = List.of(DemoUser.ENTITY_1, DemoUser.ENTITY_2, DemoUser.INVESTOR_1,
                DemoUser.INDIVIDUAL_1);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Long>> orders = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            DemoUser trader = traders.get(i % traders.size());
            String side = i % 2 == 0 ? "BUY" : "SELL";
            long price = 9_950 + (i * 37) % 100;
            long quantity = 1 + (i * 13) % 40;
            orders.add(clients.submit(() -> placed(trader, limit("CEA-2025", side, price, quantity))));
        }
        for (Future<Long> order : orders) {
            order.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        InstrumentEngine engine = recovery.rebuildFromJournal().engines().get(CEA);
        assertThat(engine.depth()).isEqualTo(books.depth(CEA).await().indefinitely());
        for (DemoUser trader : traders) {
            PartyId party = PartyId.parse(trader.partyId());
            assertThat(engine.fills(party)).isEqualTo(books.fills(party).await().indefinitely().stream()
                    .filter(f -> f.instrument().equals(CEA)).toList());
            assertThat(engine.orders(party)).isEqualTo(books.orders(party).await().indefinitely().stream()
                    .filter(o -> o.instrument().equals(CEA)).toList());
        }
    }

    @Test
    void anAcknowledgedOrderIsAlreadyOnTheJournalKeyedByItsInstrument() {
        Map<String, Object> order = limit("CEA-2025", "BUY", 9_800, 5);
        long id = placed(DemoUser.ENTITY_1, order);

        var record = new KafkaTopic("trading.orders").await(r -> r.value().contains("\"clientOrderId\":\""
                + order.get("clientOrderId") + "\""), Duration.ofSeconds(10));
        assertThat(record.key()).isEqualTo("CEA-2025");
        assertThat(record.value()).contains("\"version\":2", "\"type\":\"PLACE_LIMIT\"", "\"orderId\":" + id,
                "\"party\":\"" + DemoUser.ENTITY_1.partyId() + "\"", "\"price\":9800", "\"quantity\":5");
    }
}
