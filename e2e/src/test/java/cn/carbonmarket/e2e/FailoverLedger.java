package cn.carbonmarket.e2e;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaLogin;
import cn.carbonmarket.testing.KafkaTopic;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Funds the failover test's traders as settlement would: a LedgerEntryPosted on ha.settlement.ledger with the
 * party's cash and units after a deposit, and waits until the exchange's leader has processed it (its row in
 * trading_ha's processed_event).
 */
final class FailoverLedger {

    private static final String TOPIC = "ha.settlement.ledger";
    private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/trading_ha";

    private FailoverLedger() {
    }

    static void fund(DemoUser user, long cashFen, String instrument, long tonnes) {
        UUID eventId = UUID.randomUUID();
        String entryId = "DEPOSIT:" + UUID.randomUUID();
        String now = Instant.now().toString();
        String json = """
                {"eventId":"%s","type":"LedgerEntryPosted","version":1,"occurredAt":"%s",\
                "producer":"settlement-service","key":"%s","payload":{"entryId":"%s","entryType":"DEPOSIT",\
                "state":"POSTED","partyId":"%s","businessDate":"2026-11-25","postedAt":"%s","balances":[\
                {"account":"CASH_AVAILABLE","asset":"CNY","available":%d,"posted":%d},\
                {"account":"UNITS","asset":"%s","available":%d,"posted":%d}],"entryIds":["%s"]}}"""
                .formatted(eventId, now, user.partyId(), entryId, user.partyId(), now, cashFen, cashFen, instrument,
                        tonnes, tonnes, entryId);
        Properties props = KafkaLogin.as(KafkaLogin.ADMIN, KafkaTopic.BOOTSTRAP);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, user.partyId(), json)).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + TOPIC, e);
        }
        eventually(() -> processed(eventId));
    }

    private static boolean processed(UUID eventId) throws SQLException {
        try (Connection c = DriverManager.getConnection(DATABASE, "trading", "trading");
             PreparedStatement statement = c.prepareStatement("select count(*) from processed_event"
                     + " where consumer = 'trading.settlement-ledger' and event_id = ?")) {
            statement.setObject(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    /** The failover test's one way of waiting: until the condition holds, a minute at most. */
    static void eventually(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(condition);
    }
}
