package cn.carbonmarket.settlement.clearing;

import static cn.carbonmarket.settlement.SettlementFixtures.DB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.settlement.SettlementFixtures;
import cn.carbonmarket.settlement.TradeEvents;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Clearing throughput from Kafka, opt-in: {@code -Dclearing.trades=20000} publishes that many trades between two
 * funded parties as fast as one producer sends them, waits until all are cleared and prints trades cleared per
 * second and the trade-to-cleared latency; {@code -Dclearing.rate=N} paces the publishing at N trades a second.
 * A measurement, not a timed test: it only asserts that every trade was cleared once.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "clearing.trades", matches = "\\d+")
class ClearingThroughputTest {

    @Test
    void clearsEveryTradeOnceAndReportsTheRate() throws Exception {
        int trades = Integer.parseInt(System.getProperty("clearing.trades"));
        long rate = Long.parseLong(System.getProperty("clearing.rate", "0"));
        DemoUser a = DemoUser.ENTITY_1;
        DemoUser b = DemoUser.INVESTOR_1;
        SettlementFixtures.admitted(a);
        SettlementFixtures.admitted(b);
        SettlementFixtures.funded(a, 10_000L * trades);
        SettlementFixtures.funded(b, 10_000L * trades);
        TradeEvents.unitsIntoTrading(a.partyId(), trades);
        TradeEvents.unitsIntoTrading(b.partyId(), trades);
        String run = "B" + UUID.randomUUID().toString().substring(0, 8) + "-";

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTopic.BOOTSTRAP);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        String topic = KafkaTopic.PREFIX + "trading.trades";
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < trades; i++) {
                if (rate > 0) {
                    long due = started + i * 1_000_000_000L / rate;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                }
                boolean even = i % 2 == 0;
                TradeEvents.Sent trade = TradeEvents.trade(run + i, (even ? a : b).partyId(), (even ? b : a).partyId(),
                        1, 5_000, 100, 100, "CONTINUOUS", Instant.now());
                producer.send(new ProducerRecord<>(topic, i % 8, TradeEvents.CEA, trade.json()));
            }
            producer.flush();
        }
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                DB.count("select count(*) from cleared_trade where trade_id like ?", run + "%") == trades);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(DB.count("select count(*) from journal_entry where id like ?", "TRADE:" + run + "%"))
                .isEqualTo(trades);
        assertThat(DB.count("select count(*) from clearing_break where trade_id like ?", run + "%")).isZero();
        long p50 = DB.count("select (percentile_cont(0.5) within group (order by extract(epoch from cleared_at -"
                + " executed_at) * 1000))::bigint from cleared_trade where trade_id like ?", run + "%");
        long p99 = DB.count("select (percentile_cont(0.99) within group (order by extract(epoch from cleared_at -"
                + " executed_at) * 1000))::bigint from cleared_trade where trade_id like ?", run + "%");
        System.out.printf("RESULT clearing_throughput %d trades/s%n", trades * 1000L / Math.max(1, millis));
        System.out.printf("RESULT trade_to_cleared_p50 %d ms%n", p50);
        System.out.printf("RESULT trade_to_cleared_p99 %d ms%n", p99);
    }
}
