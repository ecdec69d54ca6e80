package cn.carbonmarket.trading.journal;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.engine.Command;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
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
     * Sends the command now and completes when the broker acknowledged it. Called on the instrument's desk
     * thread, in the order the engine applied the commands, which is therefore their order on the topic.
     */
    public CompletableFuture<Void> append(InstrumentCode instrument, Command command) {
        String key = instrument.toString();
        String value;
        try {
            value = json.writeValueAsString(JournalRecord.of(instrument, command));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        Message<String> message = Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
        return emitter.sendMessage(message).subscribeAsCompletionStage();
    }
}
