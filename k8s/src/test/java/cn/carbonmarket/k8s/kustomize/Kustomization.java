package cn.carbonmarket.k8s.kustomize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * What {@code kubectl kustomize DIR} builds, for the part of kustomize these manifests use: resources (files and
 * directories), configMapGenerator and secretGenerator literals (create, merge, replace), and patches, either JSON 6902
 * operations (add, replace, remove, test) or a strategic-merge {@code $patch: delete}. Anything else fails the build
 * here rather than being ignored, so a test never passes on a manifest it did not understand. Fields that change
 * nothing the tests read (namespace, labels, images) are accepted and left out. Generated Secrets hold their values
 * as plain text in {@code data}.
 */
public final class Kustomization {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> IGNORED = Set.of("apiVersion", "kind", "namespace", "labels", "images");

    private Kustomization() {
    }

    /** The resources the kustomization in this directory builds. */
    public static Resources build(Path dir) {
        JsonNode kustomization = read(dir.resolve("kustomization.yaml")).get(0);
        List<ObjectNode> resources = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = kustomization.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "resources" -> field.getValue().forEach(path -> resources.addAll(resource(dir.resolve(path.asText()))));
                case "configMapGenerator" -> field.getValue().forEach(generator -> generate("ConfigMap", generator, resources));
                case "secretGenerator" -> field.getValue().forEach(generator -> generate("Secret", generator, resources));
                case "patches" -> field.getValue().forEach(patch -> Patch.apply(dir, patch, resources));
                default -> {
                    if (!IGNORED.contains(field.getKey())) {
                        throw new UnsupportedOperationException(dir + ": kustomization field " + field.getKey()
                                + " is not understood by the tests' reader (k8s/src/test/.../Kustomization)");
                    }
                }
            }
        }
        return new Resources(resources);
    }

    private static List<ObjectNode> resource(Path path) {
        if (Files.isDirectory(path)) {
            return build(path).all();
        }
        return read(path).stream().filter(JsonNode::isObject).map(ObjectNode.class::cast).toList();
    }

    private static void generate(String kind, JsonNode generator, List<ObjectNode> resources) {
        String name = generator.path("name").asText();
        Set<String> understood = Set.of("name", "behavior", "literals", "options", "type");
        generator.fieldNames().forEachRemaining(field -> {
            if (!understood.contains(field)) {
                throw new UnsupportedOperationException(kind + " generator " + name + ": " + field + " is not understood");
            }
        });
        ObjectNode data = YAML.createObjectNode();
        generator.path("literals").forEach(literal -> {
            String[] pair = literal.asText().split("=", 2);
            data.put(pair[0], pair[1]);
        });
        String behavior = generator.path("behavior").asText("create");
        ObjectNode existing = resources.stream()
                .filter(r -> kind.equals(r.path("kind").asText()) && name.equals(r.path("metadata").path("name").asText()))
                .findFirst().orElse(null);
        switch (behavior) {
            case "create" -> {
                if (existing != null) {
                    throw new IllegalStateException(kind + " " + name + " is generated twice (behavior create)");
                }
                ObjectNode generated = YAML.createObjectNode();
                generated.put("apiVersion", "v1").put("kind", kind).putObject("metadata").put("name", name);
                if (generator.has("type")) {
                    generated.put("type", generator.path("type").asText());
                }
                generated.set("data", data);
                resources.add(generated);
            }
            case "merge" -> requireExisting(existing, kind, name).with("data").setAll(data);
            case "replace" -> requireExisting(existing, kind, name).set("data", data);
            default -> throw new UnsupportedOperationException(kind + " " + name + ": behavior " + behavior);
        }
    }

    private static ObjectNode requireExisting(ObjectNode existing, String kind, String name) {
        if (existing == null) {
            throw new IllegalStateException(kind + " " + name + " is merged or replaced but no base generates it");
        }
        return existing;
    }

    static List<JsonNode> read(Path file) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return documents.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    static JsonNode parse(String yaml) {
        try (JsonParser parser = YAML.createParser(yaml)) {
            return YAML.readTree(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built resources. */
    public record Resources(List<ObjectNode> all) {

        public ObjectNode get(String kind, String name) {
            return all.stream()
                    .filter(r -> kind.equals(r.path("kind").asText()) && name.equals(r.path("metadata").path("name").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the build has no " + kind + " " + name));
        }

        public List<ObjectNode> ofKind(String kind) {
            return all.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
        }

        /** The value of a key of a generated ConfigMap or Secret, or null. */
        public String data(String kind, String name, String key) {
            JsonNode value = all.stream()
                    .filter(r -> kind.equals(r.path("kind").asText()) && name.equals(r.path("metadata").path("name").asText()))
                    .map(r -> r.path("data").path(key))
                    .findFirst().orElse(null);
            return value == null || value.isMissingNode() ? null : value.asText();
        }
    }
}
