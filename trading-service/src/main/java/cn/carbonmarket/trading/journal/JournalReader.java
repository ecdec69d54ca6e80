package cn.carbonmarket.trading.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the journal up to its end as it stands when the reading starts, partition by partition, from the
 * beginning or from given offsets (after a snapshot); within a partition (and so within an instrument) in the
 * order the records were written. A plain Kafka consumer without a group: replay is a read of history, not a
 * subscription.
 */
@ApplicationScoped
public class JournalReader {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final String topic;
    private final ObjectMapper json;

    public JournalReader(JournalConfig config, ObjectMapper json) {
        this.bootstrapServers = config.bootstrapServers();
        this.topic = config.topic();
        this.json = json;
    }

    public String topic() {
        return topic;
    }

    /**
     * Hands {@code replay} every record from the offset {@code from} gives for its partition on (partitions it
     * does not name from their beginning), with its position; returns how many there were. An offset the
     * partition no longer holds (records deleted, or past its end: a topic made anew) is refused: replaying from
     * anywhere else would rebuild different books.
     */
    public long read(Map<Integer, Long> from, BiConsumer<JournalPosition, JournalRecord> replay) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "trading-journal-replay-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        long count = 0;
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, PATIENCE).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, PATIENCE);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
            for (TopicPartition partition : partitions) {
                Long offset = from.get(partition.partition());
                if (offset != null && (offset < begin.get(partition) || offset > end.get(partition))) {
                    throw new IllegalStateException("the journal " + partition + " holds offsets "
                            + begin.get(partition) + ".." + end.get(partition) + ", not " + offset
                            + " where replay is to start");
                }
                consumer.seek(partition, offset == null ? begin.get(partition) : offset);
            }
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, PATIENCE) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the journal " + topic + " could not be read to its end within "
                            + PATIENCE);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        replay.accept(new JournalPosition(record.partition(), record.offset()),
                                parse(record.value()));
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private JournalRecord parse(String value) {
        try {
            return json.readValue(value, JournalRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable journal record: " + value, e);
        }
    }
}
