package cn.carbonmarket.platform.outbox;

import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.EventType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the outbox. Call it inside the transaction that makes the state change: the event then
 * commits or rolls back with it, and the {@link OutboxRelay} delivers it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final EventCodec codec;
    private final OutboxRelay relay;
    private final Clock clock;
    private final String producer;

    public Outbox(EventCodec codec, OutboxRelay relay, Clock clock,
                  @ConfigProperty(name = "quarkus.application.name") String producer) {
        this.codec = codec;
        this.relay = relay;
        this.clock = clock;
        this.producer = producer;
    }

    public <P> Uni<EventEnvelope<P>> publish(EventType<P> type, String key, P payload) {
        EventEnvelope<P> event = EventEnvelope.of(type, producer, key, payload, clock.instant());
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.topic = type.topic();
        row.key = key;
        row.type = type.name();
        row.envelope = codec.encode(event);
        row.createdAt = event.occurredAt();
        relay.hint();
        return row.persist().replaceWith(event);
    }
}
