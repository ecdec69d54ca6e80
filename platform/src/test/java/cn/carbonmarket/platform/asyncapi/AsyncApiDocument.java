package cn.carbonmarket.platform.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's asyncapi.yaml as the tests read it: its channels (topic address and messages) and which channels its
 * operations send on or receive from. A {@code $ref} is followed within the document or into the shared
 * {@code ./asyncapi/events.yaml}, the contracts' event schemas every service serves next to its own document.
 */
final class AsyncApiDocument {

    static final String SHARED_EVENTS = "./asyncapi/events.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A node and the document (file) it is in, which its own {@code $ref}s are relative to. */
    record Located(JsonNode node, Path file, JsonNode root, String pointer) {

        boolean missing() {
            return node.isMissingNode();
        }
    }

    record Message(String key, Located definition) {

        String name() {
            return definition.node().path("name").asText(key);
        }
    }

    record Channel(String id, String address, List<Message> messages) {
    }

    final String service;
    final Path file;
    private final JsonNode root;
    private final Path sharedEvents;
    private final JsonNode sharedEventsRoot;

    private AsyncApiDocument(String service, Path file, Path sharedEvents) {
        this.service = service;
        this.file = file;
        this.root = read(file);
        this.sharedEvents = sharedEvents;
        this.sharedEventsRoot = read(sharedEvents);
    }

    static AsyncApiDocument of(Path repository, String service) {
        return new AsyncApiDocument(service, path(repository, service), sharedEvents(repository));
    }

    /** Where a service's module keeps the document it serves at /asyncapi.yaml. */
    static Path path(Path repository, String service) {
        return repository.resolve(service + "/src/main/resources/META-INF/resources/asyncapi.yaml");
    }

    static Path sharedEvents(Path repository) {
        return repository.resolve("contracts/src/main/resources/META-INF/resources/asyncapi/events.yaml");
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    List<Channel> channels() {
        List<Channel> channels = new ArrayList<>();
        for (Map.Entry<String, JsonNode> channel : root.path("channels").properties()) {
            List<Message> messages = new ArrayList<>();
            for (Map.Entry<String, JsonNode> message : channel.getValue().path("messages").properties()) {
                messages.add(new Message(message.getKey(), resolve(message.getValue(), file, root)));
            }
            channels.add(new Channel(channel.getKey(), channel.getValue().path("address").asText(), messages));
        }
        return channels;
    }

    Optional<Channel> channel(String id) {
        return channels().stream().filter(channel -> channel.id().equals(id)).findFirst();
    }

    /** The ids of the channels that an operation with this action ({@code send} or {@code receive}) names. */
    Set<String> channelIds(String action) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode operation : root.path("operations")) {
            if (operation.path("action").asText().equals(action)) {
                ids.add(operation.path("channel").path("$ref").asText().replaceFirst("^#/channels/", ""));
            }
        }
        return ids;
    }

    /** Follows {@code $ref}s from a node of {@code file}; a reference to nothing gives a missing node. */
    Located resolve(JsonNode node, Path file, JsonNode root) {
        Located located = new Located(node, file, root, "");
        while (located.node().has("$ref")) {
            String ref = located.node().get("$ref").asText();
            int hash = ref.indexOf('#');
            String target = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            if (target.isEmpty()) {
                located = new Located(located.root().at(pointer), located.file(), located.root(), pointer);
            } else if (target.equals(SHARED_EVENTS)) {
                located = new Located(sharedEventsRoot.at(pointer), sharedEvents, sharedEventsRoot, pointer);
            } else {
                return new Located(MissingNode.getInstance(), located.file(), located.root(), ref);
            }
        }
        return located;
    }

    Located resolve(Located located) {
        return resolve(located.node(), located.file(), located.root());
    }
}
