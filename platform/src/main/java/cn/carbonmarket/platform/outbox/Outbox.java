package cn.carbonmarket.platform.outbox;

import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.EventType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
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
        EventEnvelope<P> event = envelope(type, key, payload);
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

    /** The same for code that writes through a Vert.x SQL connection inside its own transaction. */
    public <P> Uni<EventEnvelope<P>> publish(SqlConnection connection, EventType<P> type, String key, P payload) {
        EventEnvelope<P> event = envelope(type, key, payload);
        relay.hint();
        return connection.preparedQuery("insert into outbox_event (event_id, topic, event_key, event_type, envelope,"
                        + " created_at) values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.tuple(List.of(event.eventId(), type.topic(), key, type.name(), codec.encode(event),
                        event.occurredAt().atOffset(ZoneOffset.UTC))))
                .replaceWith(event);
    }

    private <P> EventEnvelope<P> envelope(EventType<P> type, String key, P payload) {
        return EventEnvelope.of(type, producer, key, payload, clock.instant());
    }
}
