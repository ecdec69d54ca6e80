package cn.carbonmarket.contracts.signing;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A key as configuration gives it, {@code <key id>:<base64 of the key>}, several separated by commas. The id travels
 * with what the key signs or links, so that a rotated key's older signatures and links still name the key that
 * checks them.
 */
public record NamedKey(String id, byte[] material) {

    public NamedKey {
        if (id == null || id.isBlank() || id.contains(":") || id.contains(",")) {
            throw new IllegalArgumentException("a key id is a non-blank name without ':' or ',', not '" + id + "'");
        }
        if (material == null || material.length == 0) {
            throw new IllegalArgumentException("key " + id + " is empty");
        }
        material = material.clone();
    }

    @Override
    public byte[] material() {
        return material.clone();
    }

    /** One {@code <id>:<base64>}; the message names the id only, never the key. */
    public static NamedKey parse(String configured) {
        int colon = configured.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a key is configured as <key id>:<base64>, the key id is missing");
        }
        String id = configured.substring(0, colon).trim();
        try {
            return new NamedKey(id, Base64.getDecoder().decode(configured.substring(colon + 1).trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key " + id + " is not valid base64", e);
        }
    }

    /** Every key of a comma-separated list, in the order given. */
    public static List<NamedKey> parseAll(String configured) {
        List<NamedKey> keys = Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(NamedKey::parse).toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no key is configured");
        }
        if (keys.stream().map(NamedKey::id).distinct().count() < keys.size()) {
            throw new IllegalArgumentException("two keys share an id");
        }
        return keys;
    }

    @Override
    public String toString() {
        return "NamedKey[" + id + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamedKey key && id.equals(key.id) && Arrays.equals(material, key.material);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
