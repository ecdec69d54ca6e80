package cn.carbonmarket.trading.journal;

import cn.carbonmarket.platform.kafka.KafkaConnection;
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
 * subscription. A standby keeps its reading open ({@link Tail}) and follows what the active instance writes.
 */
@ApplicationScoped
public class JournalReader {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final KafkaConnection kafka;
    private final String topic;
    private final ObjectMapper json;

    public JournalReader(JournalConfig config, KafkaConnection kafka, ObjectMapper json) {
        this.bootstrapServers = config.bootstrapServers();
        this.kafka = kafka;
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
        try (Tail tail = open(from)) {
            return tail.readToEnd(replay);
        }
    }

    /** A reading positioned as {@link #read} would start, that goes on for as long as its owner polls it. */
    public Tail open(Map<Integer, Long> from) {
        Properties props = kafka.clientProperties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "trading-journal-replay-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        try {
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
            return new Tail(consumer, partitions);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * The journal read by one consumer, from one thread at a time: to its end as it stands at a moment, or by
     * single polls of whatever arrived since (a standby following the active instance).
     */
    public final class Tail implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<TopicPartition> partitions;

        private Tail(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
            this.consumer = consumer;
            this.partitions = partitions;
        }

        /** The partitions the journal has: a new leader marks each. */
        public List<Integer> partitions() {
            return partitions.stream().map(TopicPartition::partition).toList();
        }

        /** Reads every record up to the end offsets as they stand now; returns how many. */
        public long readToEnd(BiConsumer<JournalPosition, JournalRecord> replay) {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
            long count = 0;
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, PATIENCE) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the journal " + topic + " could not be read to its end within "
                            + PATIENCE);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    replay.accept(new JournalPosition(record.partition(), record.offset()), parse(record.value()));
                    count++;
                }
            }
            return count;
        }

        /** Hands {@code replay} what arrives within {@code wait}; returns how many records that was. */
        public int poll(Duration wait, BiConsumer<JournalPosition, JournalRecord> replay) {
            int count = 0;
            for (ConsumerRecord<String, String> record : consumer.poll(wait)) {
                replay.accept(new JournalPosition(record.partition(), record.offset()), parse(record.value()));
                count++;
            }
            return count;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private JournalRecord parse(String value) {
        try {
            return json.readValue(value, JournalRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable journal record: " + value, e);
        }
    }
}
