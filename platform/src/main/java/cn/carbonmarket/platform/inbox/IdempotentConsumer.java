package cn.carbonmarket.platform.inbox;

import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.EventType;
import cn.carbonmarket.platform.outbox.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Applies an event's effect exactly once per consumer: the event id is recorded in the same transaction as the
 * effect, so a redelivered event (Kafka delivers at least once) finds its id and changes nothing.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final EventCodec codec;
    private final MeterRegistry metrics;

    public IdempotentConsumer(EventCodec codec, MeterRegistry metrics) {
        this.codec = codec;
        this.metrics = metrics;
    }

    /**
     * Decodes a message of a topic; events of {@code type} take effect once, other event types on the topic are
     * not this consumer's business and pass, unreadable messages fail (and go to the dead-letter topic).
     */
    public <P> Uni<Void> once(String consumer, String json, EventType<P> type, Function<P, Uni<?>> effect) {
        return codec.decodeIf(json, type).map(event -> once(consumer, event, effect))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /**
     * Runs {@code effect} in a new transaction unless this consumer already processed the event. Transient
     * failures (a lost connection, a serialization conflict) are retried a few times before the message is nacked.
     */
    public <P> Uni<Void> once(String consumer, EventEnvelope<P> event, Function<P, Uni<?>> effect) {
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("insert into processed_event"
                                        + " (consumer, event_id, event_type) values (?1, ?2, ?3) on conflict do nothing")
                                .setParameter(1, consumer)
                                .setParameter(2, event.eventId())
                                .setParameter(3, event.type())
                                .executeUpdate())
                        .chain(inserted -> {
                            if (inserted == 0) {
                                LOG.debugf("%s skipped redelivered %s %s", consumer, event.type(), event.eventId());
                                metrics.counter("market.events.duplicates", "consumer", consumer).increment();
                                return Uni.createFrom().voidItem();
                            }
                            metrics.counter("market.events.processed", "consumer", consumer, "type", event.type())
                                    .increment();
                            return effect.apply(event.payload()).replaceWithVoid();
                        }))
                .onFailure().retry().withBackOff(Duration.ofMillis(50), Duration.ofSeconds(2)).atMost(5);
    }

    /**
     * For a consumer that applies a batch of events in a Vert.x SQL transaction of its own: records the events' ids
     * for {@code consumer} in that transaction and returns the events it had not processed, in their order (an id
     * seen twice in the batch counts once). The records commit or roll back with the batch's effects.
     */
    public <P> Uni<List<EventEnvelope<P>>> firstDeliveries(SqlConnection connection, String consumer,
                                                           List<EventEnvelope<P>> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return connection.preparedQuery("insert into processed_event (consumer, event_id, event_type)"
                        + " select $1, id, type from unnest($2::uuid[], $3::text[]) as e(id, type)"
                        + " on conflict do nothing returning event_id")
                .execute(Tuple.of(consumer, events.stream().map(EventEnvelope::eventId).toArray(UUID[]::new),
                        events.stream().map(EventEnvelope::type).toArray(String[]::new)))
                .map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    rows.forEach(row -> fresh.add(row.getUUID("event_id")));
                    List<EventEnvelope<P>> first = events.stream().filter(e -> fresh.remove(e.eventId())).toList();
                    int duplicates = events.size() - first.size();
                    if (duplicates > 0) {
                        metrics.counter("market.events.duplicates", "consumer", consumer).increment(duplicates);
                    }
                    first.forEach(e -> metrics.counter("market.events.processed", "consumer", consumer, "type",
                            e.type()).increment());
                    return first;
                });
    }
}
