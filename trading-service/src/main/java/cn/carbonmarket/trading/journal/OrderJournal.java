package cn.carbonmarket.trading.journal;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.kafka.KafkaConnection;
import cn.carbonmarket.trading.engine.Command;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Appends accepted commands to the journal topic, keyed by instrument so that an instrument's commands share a
 * partition and keep their order. An idempotent producer with acks=all: a record counts as journaled once every
 * in-sync replica has it, and retries neither duplicate nor reorder it. A plain Kafka producer rather than a
 * messaging channel: every order's answer waits for this acknowledgement, and the producer's own callback is the
 * shortest way from the broker back to the order (no hops through a channel's threads).
 */
@ApplicationScoped
public class OrderJournal {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final ObjectMapper json;
    /** Send to acknowledgement: every order's answer waits for it, so operators watch its tail. */
    private final Timer acknowledgement;

    public OrderJournal(JournalConfig config, KafkaConnection kafka, ObjectMapper json, MeterRegistry metrics) {
        this.producer = new KafkaProducer<>(producerSettings(config, kafka, "trading-journal"), new StringSerializer(),
                new StringSerializer());
        this.topic = config.topic();
        this.json = json;
        this.acknowledgement = Timer.builder("market.trading.journal.acknowledgement")
                .description("time from sending a command to the journal to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99, 0.999).distributionStatisticExpiry(Duration.ofSeconds(30))
                .register(metrics);
    }

    /**
     * The journal producer's settings (also those of the benchmark's durable bare endpoint, which must pay what a
     * journaled order pays for its acknowledgement).
     */
    public static Properties producerSettings(JournalConfig config, KafkaConnection kafka, String clientId) {
        Properties props = kafka.clientProperties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        // Sending happens on an instrument's desk thread: it may wait for the broker's metadata this long, not more.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        return props;
    }

    /**
     * Sends the command, written in the leader's {@code epoch}, now and completes with its position once the broker
     * acknowledged it (on the producer's network thread). Called on the instrument's desk thread, in the order the
     * engine applied the commands, which is therefore their order on the topic.
     */
    public CompletableFuture<JournalPosition> append(InstrumentCode instrument, Command command, long epoch) {
        return send(new ProducerRecord<>(topic, instrument.toString(), JournalRecord.of(instrument, command, epoch)));
    }

    /**
     * Marks {@code partition} with a new leader's {@code epoch}: what a deposed leader gets into the partition after
     * this is refused on replay, and everything before it the new leader reads before it accepts.
     */
    public CompletableFuture<JournalPosition> markEpoch(int partition, long epoch, Instant at) {
        return send(new ProducerRecord<>(topic, partition, null, JournalRecord.epochMark(epoch, at)));
    }

    private CompletableFuture<JournalPosition> send(ProducerRecord<String, JournalRecord> record) {
        CompletableFuture<JournalPosition> acknowledged = new CompletableFuture<>();
        try {
            String value = json.writeValueAsString(record.value());
            long sent = System.nanoTime();
            producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), value),
                    (written, failure) -> {
                        if (failure != null) {
                            acknowledged.completeExceptionally(failure);
                        } else {
                            acknowledgement.record(System.nanoTime() - sent, TimeUnit.NANOSECONDS);
                            acknowledged.complete(new JournalPosition(written.partition(), written.offset()));
                        }
                    });
        } catch (JsonProcessingException | KafkaException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
