package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.id.TimeOrderedIds;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every event travels in (docs/architecture.md, Events). {@code eventId} is what idempotent consumers
 * record; {@code key} is the Kafka record key, the entity whose order matters.
 *
 * @param <P> the payload record, one of the records in this package
 */
public record EventEnvelope<P>(UUID eventId, String type, int version, Instant occurredAt, String producer,
                               String key, P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("event version starts at 1, got " + version);
        }
    }

    /** A new event of a known type, stamped now, with a time-ordered id ({@link TimeOrderedIds}). */
    public static <P> EventEnvelope<P> of(EventType<P> type, String producer, String key, P payload, Instant now) {
        return new EventEnvelope<>(TimeOrderedIds.at(now), type.name(), type.version(), now, producer, key, payload);
    }
}
