package cn.carbonmarket.platform.asyncapi;

import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.EventType;
import cn.carbonmarket.platform.asyncapi.AsyncApiDocument.Channel;
import cn.carbonmarket.platform.asyncapi.AsyncApiDocument.Located;
import cn.carbonmarket.platform.asyncapi.AsyncApiDocument.Message;
import cn.carbonmarket.platform.outbox.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The services' AsyncAPI documents against the event catalogue ({@link EventType}) and the topics' writers and
 * readers in infra/kafka/acls.txt. Each check answers the problems it found, one line each.
 */
final class CatalogueCheck {

    /** Records on a topic that are not events: trading's order journal is its own, replayed only by itself. */
    private static final Map<String, String> NOT_EVENTS = Map.of("trading.orders", "JournalRecord");

    private final Path repository;
    private final List<EventType<?>> catalogue;
    private final KafkaAcls acls;
    private final Map<String, AsyncApiDocument> documents = new LinkedHashMap<>();
    private final Path sharedEvents;
    private final ObjectMapper codec;

    CatalogueCheck(Path repository, List<EventType<?>> catalogue, ObjectMapper codec) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.acls = KafkaAcls.read(repository.resolve("infra/kafka/acls.txt"));
        this.sharedEvents = AsyncApiDocument.sharedEvents(repository);
        this.codec = codec;
        for (KafkaAcls.Topic topic : acls.topics().values()) {
            for (String service : services(topic)) {
                if (Files.exists(AsyncApiDocument.path(repository, service))) {
                    documents.computeIfAbsent(service, name -> AsyncApiDocument.of(repository, name));
                }
            }
        }
    }

    private static List<String> services(KafkaAcls.Topic topic) {
        List<String> services = new ArrayList<>(topic.readers());
        services.add(topic.writer());
        return services;
    }

    Map<String, AsyncApiDocument> documents() {
        return documents;
    }

    /** Every event type is sent by its topic's writer on a channel with the topic's address. */
    List<String> undocumentedEvents() {
        List<String> problems = new ArrayList<>();
        for (EventType<?> type : catalogue) {
            Optional<KafkaAcls.Topic> topic = acls.topic(type.topic());
            if (topic.isEmpty()) {
                problems.add(type.name() + ": topic " + type.topic() + " is not in acls.txt");
                continue;
            }
            AsyncApiDocument writer = documents.get(topic.get().writer());
            if (writer == null || sent(writer, type).isEmpty()) {
                problems.add(type.name() + ": " + topic.get().writer() + "'s asyncapi.yaml sends no " + type.name()
                        + " on a channel with address " + type.topic());
            }
        }
        return problems;
    }

    /**
     * Every service that may read a topic with events documents a channel it receives from at that address. An
     * integrator's login (a principal with no module of its own) documents nothing.
     */
    List<String> undocumentedConsumers() {
        List<String> problems = new ArrayList<>();
        for (KafkaAcls.Topic topic : acls.topics().values()) {
            if (catalogue.stream().noneMatch(type -> type.topic().equals(topic.name()))) {
                continue;
            }
            for (String reader : topic.readers()) {
                if (!Files.isDirectory(repository.resolve(reader))) {
                    continue;
                }
                AsyncApiDocument document = documents.get(reader);
                Set<String> received = document == null ? Set.of() : document.channelIds("receive");
                boolean documented = document != null && document.channels().stream().anyMatch(
                        channel -> channel.address().equals(topic.name()) && received.contains(channel.id()));
                if (!documented) {
                    problems.add(reader + " may read " + topic.name() + " but its asyncapi.yaml receives from no "
                            + "channel with that address");
                }
            }
        }
        return problems;
    }

    /**
     * Every message a document lists names an event of its channel's topic; a channel is sent on only by the
     * topic's writer and received from only by its readers; the shared file holds events only.
     */
    List<String> strayMessages() {
        List<String> problems = new ArrayList<>();
        for (AsyncApiDocument document : documents.values()) {
            Set<String> sends = document.channelIds("send");
            Set<String> receives = document.channelIds("receive");
            for (Channel channel : document.channels()) {
                String where = document.service + " channel " + channel.id() + " (" + channel.address() + ")";
                Optional<KafkaAcls.Topic> topic = acls.topic(channel.address());
                if (topic.isEmpty()) {
                    problems.add(where + ": no such topic in acls.txt");
                    continue;
                }
                if (sends.contains(channel.id()) && !topic.get().writer().equals(document.service)) {
                    problems.add(where + ": sent, but " + topic.get().writer() + " writes the topic");
                }
                if (receives.contains(channel.id()) && !topic.get().readers().contains(document.service)) {
                    problems.add(where + ": received, but the service may not read the topic");
                }
                if (!sends.contains(channel.id()) && !receives.contains(channel.id())) {
                    problems.add(where + ": no operation sends on it or receives from it");
                }
                for (Message message : channel.messages()) {
                    if (message.definition().missing()) {
                        problems.add(where + ": message " + message.key() + " refers to nothing");
                    } else if (!message.name().equals(NOT_EVENTS.get(channel.address()))
                            && event(message.name(), channel.address()).isEmpty()) {
                        problems.add(where + ": message " + message.name() + " is no event type of that topic");
                    }
                }
            }
        }
        JsonNode shared = AsyncApiDocument.read(sharedEvents).path("components").path("messages");
        shared.properties().forEach(message -> {
            String name = message.getValue().path("name").asText();
            if (!name.equals(message.getKey()) || catalogue.stream().noneMatch(type -> type.name().equals(name))) {
                problems.add("events.yaml message " + message.getKey() + " (name " + name + ") is no event type");
            }
        });
        return problems;
    }

    /** Every documented event's payload schema names the record's fields with the JSON types the codec writes. */
    List<String> schemaDifferences() {
        List<String> problems = new ArrayList<>();
        forEachDocumentedEvent((type, document, schema) -> {
            Located payload = payloadOf(document, schema);
            if (payload.missing()) {
                problems.add(type.name() + " (" + schema.pointer() + "): the schema has no envelope payload");
                return;
            }
            String description = schema.node().path("description").asText();
            if (!description.startsWith("v" + type.version() + ".")) {
                problems.add(type.name() + ": version " + type.version() + " but the schema describes '"
                        + description.split("\\.")[0] + "'");
            }
            problems.addAll(new RecordSchemas(document, codec).differences(type.payloadType(), payload, type.name()));
        });
        return problems;
    }

    /** A sample of every documented event, as the codec writes it, is valid under its message's schema. */
    List<String> invalidSamples() {
        EventCodec eventCodec = new EventCodec(codec);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        List<String> problems = new ArrayList<>();
        forEachDocumentedEvent((type, document, schema) -> {
            Located payload = payloadOf(document, schema);
            if (payload.missing()) {
                return;
            }
            String writer = acls.topic(type.topic()).map(KafkaAcls.Topic::writer).orElse("unknown");
            Object sample = new Samples(document).of(type.payloadType(), payload);
            String json = eventCodec.encode(envelope(type, writer, sample));
            Set<ValidationMessage> errors = factory
                    .getSchema(SchemaLocation.of(schema.file().toUri() + "#" + schema.pointer()))
                    .validate(tree(json));
            errors.forEach(error -> problems.add(type.name() + ": " + error.getMessage() + " in " + json));
        });
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static <P> EventEnvelope<P> envelope(EventType<P> type, String producer, Object payload) {
        return EventEnvelope.of(type, producer, "sample-key", (P) payload, Samples.AT);
    }

    private JsonNode tree(String json) {
        try {
            return codec.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface DocumentedEvent {
        void check(EventType<?> type, AsyncApiDocument document, Located schema);
    }

    /** Each event type's message schema in every document that lists it, each schema once. */
    private void forEachDocumentedEvent(DocumentedEvent check) {
        Set<String> seen = new HashSet<>();
        for (AsyncApiDocument document : documents.values()) {
            for (Channel channel : document.channels()) {
                for (Message message : channel.messages()) {
                    Optional<EventType<?>> type = event(message.name(), channel.address());
                    if (type.isEmpty() || message.definition().missing()) {
                        continue;
                    }
                    Located schema = document.resolve(Samples.child(message.definition(), "payload"));
                    if (seen.add(schema.file() + "#" + schema.pointer())) {
                        check.check(type.get(), document, schema);
                    }
                }
            }
        }
    }

    /** The envelope's payload property of a message schema ({@code allOf} the envelope and the typed parts). */
    private static Located payloadOf(AsyncApiDocument document, Located schema) {
        for (int i = 0; i < schema.node().path("allOf").size(); i++) {
            Located part = document.resolve(Samples.child(schema, "allOf", String.valueOf(i)));
            Located payload = document.resolve(Samples.child(part, "properties", "payload"));
            if (!payload.missing() && payload.node().has("properties")) {
                return payload;
            }
        }
        return new Located(MissingNode.getInstance(), schema.file(), schema.root(), schema.pointer());
    }

    private Optional<EventType<?>> event(String name, String topic) {
        return catalogue.stream().filter(type -> type.name().equals(name) && type.topic().equals(topic)).findFirst();
    }

    private Optional<Channel> sent(AsyncApiDocument document, EventType<?> type) {
        Set<String> sends = document.channelIds("send");
        return document.channels().stream()
                .filter(channel -> channel.address().equals(type.topic()) && sends.contains(channel.id()))
                .filter(channel -> channel.messages().stream().anyMatch(m -> m.name().equals(type.name())))
                .findFirst();
    }
}
