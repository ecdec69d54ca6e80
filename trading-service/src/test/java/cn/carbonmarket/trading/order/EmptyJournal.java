package cn.carbonmarket.trading.order;

import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.KafkaLogin;
import cn.carbonmarket.testing.KafkaTopic;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;

/**
 * Starts every test run with an empty journal (the test copy of trading.orders, which only trading's tests
 * write): the service under test replays it on start, and books left over from an earlier run would skew depth.
 * Trading's trades, risk view and journal snapshots go with it: trade ids restart with the journal, so an earlier
 * run's trades would otherwise hide this run's from being recorded, and a snapshot would point into the emptied topic.
 * So do block offers and auctions: an accepted offer or cleared auction whose trade is gone looks to recovery like
 * one a stop kept from being recorded, and recovery would record an earlier run's off-book trades again.
 */
public class EmptyJournal implements QuarkusTestResourceLifecycleManager {

    static final String TOPIC = KafkaTopic.PREFIX + "trading.orders";

    @Override
    public Map<String, String> start() {
        new Database("trading").update("do $$ begin if to_regclass('trade') is not null then"
                + " truncate trade, risk_delta, risk_balance, reported_entry, withdrawal_hold, block_offer, auction_bid,"
                + " auction; end if;"
                + " if to_regclass('journal_snapshot') is not null then truncate journal_snapshot; end if; end $$");
        try (Admin admin = Admin.create(KafkaLogin.as(KafkaLogin.ADMIN, KafkaTopic.BOOTSTRAP))) {
            Set<String> topics = admin.listTopics().names().get(20, TimeUnit.SECONDS);
            if (!topics.contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 8, (short) 1))).all().get(20, TimeUnit.SECONDS);
                return Map.of();
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(TOPIC)).allTopicNames().get(20, TimeUnit.SECONDS).get(TOPIC).partitions()
                    .forEach(p -> latest.put(new TopicPartition(TOPIC, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
            admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS)
                    .forEach((partition, end) -> delete.put(partition, RecordsToDelete.beforeOffset(end.offset())));
            admin.deleteRecords(delete).all().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot empty " + TOPIC, e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // The records stay for inspection after the run; the next run empties the topic again.
    }
}
