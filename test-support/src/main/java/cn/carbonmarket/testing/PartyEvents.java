package cn.carbonmarket.testing;

import java.time.Instant;
import java.util.UUID;

/** PartyRegistered envelopes as the registry publishes them, for the consuming services' tests. */
public final class PartyEvents {

    public static final String TOPIC = "registry.parties";

    private PartyEvents() {
    }

    public record Sent(String eventId, String partyId, String json) {
    }

    public static Sent registered(String name, String type, String region) {
        return registered(UUID.randomUUID().toString(), name, type, region);
    }

    public static Sent registered(String partyId, String name, String type, String region) {
        String eventId = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        String json = """
                {"eventId":"%s","type":"PartyRegistered","version":1,"occurredAt":"%s","producer":"registry-service",\
                "key":"%s","payload":{"partyId":"%s","name":"%s","type":"%s","region":"%s",\
                "holdingAccount":"HOLDING-%s","registeredAt":"%s"}}"""
                .formatted(eventId, now, partyId, partyId, name, type, region, partyId, now);
        return new Sent(eventId, partyId, json);
    }

    /** Publishes on registry.parties keyed by party, as the registry's outbox relay does. */
    public static Sent publish(Sent event) {
        new KafkaTopic(TOPIC).send(event.partyId(), event.json());
        return event;
    }
}
