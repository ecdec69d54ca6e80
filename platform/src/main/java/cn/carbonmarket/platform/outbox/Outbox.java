package cn.carbonmarket.platform.outbox;

import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.EventType;
import cn.carbonmarket.platform.sql.ColumnBatch;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the outbox. Call it inside the transaction that makes the state change: the event then
 * commits or rolls back with it, and the {@link OutboxRelay} delivers it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    /** Events per insert in {@link #publishAll}: a few megabytes of envelopes. */
    private static final int CHUNK = 5_000;

    private final EventCodec codec;
    private final OutboxRelay relay;
    private final Clock clock;
    private final String producer;

    public Outbox(EventCodec codec, OutboxRelay relay, Clock clock, OutboxConfig config) {
        this.codec = codec;
        this.relay = relay;
        this.clock = clock;
        this.producer = config.producer();
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

    /** One event of a batch: its key (the entity whose order matters) and its payload. */
    public record Keyed<P>(String key, P payload) {
    }

    /**
     * Many events of one type through a Vert.x SQL connection inside its own transaction, in list order. The rows
     * travel as one array per column, a statement per chunk: bulk work (a registry migration admits parties by the
     * hundred thousand) would otherwise spend longer on a statement per event than on everything else it writes.
     */
    public <P> Uni<Void> publishAll(SqlConnection connection, EventType<P> type, List<Keyed<P>> events) {
        relay.hint();
        return Multi.createFrom().iterable(ColumnBatch.chunks(events, CHUNK))
                .onItem().transformToUniAndConcatenate(chunk -> insert(connection, type, chunk))
                .collect().last().replaceWithVoid();
    }

    private <P> Uni<RowSet<Row>> insert(SqlConnection connection, EventType<P> type, List<Keyed<P>> chunk) {
        UUID[] ids = new UUID[chunk.size()];
        String[] keys = new String[chunk.size()];
        String[] envelopes = new String[chunk.size()];
        OffsetDateTime[] created = new OffsetDateTime[chunk.size()];
        for (int i = 0; i < chunk.size(); i++) {
            EventEnvelope<P> event = envelope(type, chunk.get(i).key(), chunk.get(i).payload());
            ids[i] = event.eventId();
            keys[i] = chunk.get(i).key();
            envelopes[i] = codec.encode(event);
            created[i] = event.occurredAt().atOffset(ZoneOffset.UTC);
        }
        return connection.preparedQuery("insert into outbox_event (event_id, topic, event_key, event_type, envelope,"
                        + " created_at) select id, $2, key, $3, envelope, created from unnest($1::uuid[], $4::text[],"
                        + " $5::text[], $6::timestamptz[]) as e(id, key, envelope, created)")
                .execute(Tuple.of(ids, type.topic(), type.name(), keys, envelopes, created));
    }

    private <P> EventEnvelope<P> envelope(EventType<P> type, String key, P payload) {
        return EventEnvelope.of(type, producer, key, payload, clock.instant());
    }
}
