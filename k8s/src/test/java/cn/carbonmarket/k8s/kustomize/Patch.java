package cn.carbonmarket.k8s.kustomize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One entry of a kustomization's {@code patches}: its target and its operations. */
final class Patch {

    private Patch() {
    }

    static void apply(Path dir, JsonNode entry, List<ObjectNode> resources) {
        JsonNode patch = Kustomization.parse(text(dir, entry));
        JsonNode target = entry.path("target");
        if (patch.isArray()) {
            if (target.isMissingNode()) {
                throw new IllegalArgumentException(dir + ": a JSON 6902 patch needs a target");
            }
            List<ObjectNode> matched = resources.stream().filter(r -> matches(target, r)).toList();
            if (matched.isEmpty()) {
                throw new IllegalStateException(dir + ": no resource matches the patch target " + target);
            }
            matched.forEach(resource -> patch.forEach(operation -> operate(resource, operation)));
        } else if ("delete".equals(patch.path("$patch").asText())) {
            resources.removeIf(r -> matches(target.isMissingNode() ? selfTarget(patch) : target, r));
        } else {
            throw new UnsupportedOperationException(dir + ": strategic-merge patches other than $patch: delete are not "
                    + "understood by the tests' reader; write the patch as JSON 6902 operations");
        }
    }

    private static String text(Path dir, JsonNode entry) {
        if (entry.has("patch")) {
            return entry.get("patch").asText();
        }
        try {
            return Files.readString(dir.resolve(entry.path("path").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode selfTarget(JsonNode patch) {
        ObjectNode target = patch.deepCopy();
        target.put("name", patch.path("metadata").path("name").asText());
        return target;
    }

    private static boolean matches(JsonNode target, JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        JsonNode metadata = resource.path("metadata");
        return field(target, "group", group)
                && field(target, "kind", resource.path("kind").asText())
                && field(target, "name", metadata.path("name").asText())
                && labels(target.path("labelSelector").asText(""), metadata.path("labels"));
    }

    private static boolean field(JsonNode target, String name, String value) {
        return !target.has(name) || target.get(name).asText().equals(value);
    }

    private static boolean labels(String selector, JsonNode labels) {
        if (selector.isEmpty()) {
            return true;
        }
        for (String requirement : selector.split(",")) {
            String[] pair = requirement.trim().split("=", 2);
            if (pair.length != 2 || !pair[1].equals(labels.path(pair[0]).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /** One JSON 6902 operation; a path that does not exist fails as kustomize fails. */
    private static void operate(ObjectNode resource, JsonNode operation) {
        String op = operation.path("op").asText();
        String path = operation.path("path").asText();
        int last = path.lastIndexOf('/');
        JsonNode parent = resolve(resource, path.substring(0, last), path);
        String key = unescape(path.substring(last + 1));
        JsonNode value = operation.get("value");
        switch (op) {
            case "add" -> add(parent, key, value, path);
            case "replace" -> {
                existing(parent, key, path);
                remove(parent, key);
                add(parent, key, value, path);
            }
            case "remove" -> {
                existing(parent, key, path);
                remove(parent, key);
            }
            case "test" -> {
                if (!existing(parent, key, path).equals(value)) {
                    throw new IllegalStateException("patch test failed at " + path + ": " + existing(parent, key, path)
                            + " is not " + value);
                }
            }
            default -> throw new UnsupportedOperationException("JSON patch operation " + op);
        }
    }

    private static JsonNode resolve(JsonNode node, String pointer, String path) {
        JsonNode current = node;
        if (pointer.isEmpty()) {
            return current;
        }
        for (String token : pointer.substring(1).split("/")) {
            current = existing(current, unescape(token), path);
        }
        return current;
    }

    private static JsonNode existing(JsonNode parent, String key, String path) {
        JsonNode child = parent.isArray() ? parent.path(Integer.parseInt(key)) : parent.path(key);
        if (child.isMissingNode()) {
            throw new IllegalStateException("patch path " + path + " does not exist");
        }
        return child;
    }

    private static void add(JsonNode parent, String key, JsonNode value, String path) {
        if (parent instanceof ObjectNode object) {
            object.set(key, value.deepCopy());
        } else if (parent instanceof ArrayNode array) {
            if ("-".equals(key)) {
                array.add(value.deepCopy());
            } else {
                array.insert(Integer.parseInt(key), value.deepCopy());
            }
        } else {
            throw new IllegalStateException("patch path " + path + " is inside a scalar");
        }
    }

    private static void remove(JsonNode parent, String key) {
        if (parent instanceof ObjectNode object) {
            object.remove(key);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(key));
        }
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
