package cn.carbonmarket.trading.journal;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.engine.Command;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.OutgoingMessageMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Appends accepted commands to the journal topic, keyed by instrument so that an instrument's commands share a
 * partition and keep their order. The producer is idempotent with acks=all (application.properties): a record
 * counts as journaled once every in-sync replica has it, and retries neither duplicate nor reorder it.
 */
@ApplicationScoped
public class OrderJournal {

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;

    public OrderJournal(@Channel("trading-orders") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
                        MutinyEmitter<String> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    /**
     * Sends the command now and completes with its position once the broker acknowledged it. Called on the
     * instrument's desk thread, in the order the engine applied the commands, which is therefore their order on
     * the topic.
     */
    public CompletableFuture<JournalPosition> append(InstrumentCode instrument, Command command) {
        String key = instrument.toString();
        String value;
        try {
            value = json.writeValueAsString(JournalRecord.of(instrument, command));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        // The connector puts the broker's record metadata here before it acknowledges the message.
        OutgoingMessageMetadata<RecordMetadata> written = new OutgoingMessageMetadata<>();
        Message<String> message = Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .addMetadata(written);
        return emitter.sendMessage(message).subscribeAsCompletionStage().thenApply(ack -> {
            RecordMetadata at = written.getResult();
            return new JournalPosition(at.partition(), at.offset());
        });
    }
}
