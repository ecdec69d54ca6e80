package cn.carbonmarket.platform.outbox;

import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Event envelopes to and from their JSON wire form, with the contracts' value types. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String encode(EventEnvelope<?> event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.eventId() + " cannot be written as JSON", e);
        }
    }

    /**
     * Reads an envelope of the expected type. A message of another type or of a newer schema version than this
     * consumer knows is refused rather than half-understood.
     */
    public <P> EventEnvelope<P> decode(String json, EventType<P> expected) {
        try {
            JsonNode tree = mapper.readTree(json);
            String type = tree.path("type").asText();
            int version = tree.path("version").asInt();
            if (!expected.name().equals(type)) {
                throw new UnreadableEventException("expected event type " + expected.name() + " but got '" + type + "'");
            }
            if (version > expected.version()) {
                throw new UnreadableEventException(type + " version " + version + " is newer than the "
                        + expected.version() + " this service reads");
            }
            JavaType envelopeType = mapper.getTypeFactory()
                    .constructParametricType(EventEnvelope.class, expected.payloadType());
            return mapper.readValue(mapper.treeAsTokens(tree), envelopeType);
        } catch (java.io.IOException | IllegalArgumentException e) {
            if (e instanceof UnreadableEventException u) {
                throw u;
            }
            throw new UnreadableEventException("event cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The envelope if it is of the expected type, empty if it is another type on the same topic (a consumer
     * ignores what it does not need); an unreadable message still fails.
     */
    public <P> Optional<EventEnvelope<P>> decodeIf(String json, EventType<P> expected) {
        try {
            if (!expected.name().equals(mapper.readTree(json).path("type").asText())) {
                return Optional.empty();
            }
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("event is not JSON: " + e.getOriginalMessage(), e);
        }
        return Optional.of(decode(json, expected));
    }
}
