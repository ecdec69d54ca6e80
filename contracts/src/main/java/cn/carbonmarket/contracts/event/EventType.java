package cn.carbonmarket.contracts.event;

/**
 * An event's name, schema version, payload record and topic, kept together so that a producer and its consumers
 * cannot disagree on them.
 */
public record EventType<P>(String name, int version, Class<P> payloadType, String topic) {
}
