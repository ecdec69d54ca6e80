package cn.carbonmarket.registry.party.privacy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys by id, as the configuration gives them ({@code id:base64}, earlier ones comma-separated): the current key,
 * which every new value is written under, and the earlier ones, still read until every row is written under the
 * current one again. The id is stored with each value, so a rotation knows which rows are still to do.
 */
public record KeyRing(String currentId, Map<String, byte[]> keys) {

    /** {@code current} and {@code previous} as configured under {@code property}; each key {@code bytes} long. */
    static KeyRing parse(String property, String current, String previous, int bytes) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String currentId = put(keys, property, current, bytes);
        if (previous != null && !previous.isBlank()) {
            for (String entry : previous.split(",")) {
                put(keys, property, entry, bytes);
            }
        }
        return new KeyRing(currentId, Map.copyOf(keys));
    }

    private static String put(Map<String, byte[]> keys, String property, String entry, int bytes) {
        int colon = entry.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException(property + ": a key is written id:base64");
        }
        String id = entry.substring(0, colon).strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ": key " + id + " is not base64");
        }
        if (key.length != bytes) {
            throw new IllegalArgumentException(property + ": key " + id + " must be " + bytes + " bytes, not "
                    + key.length);
        }
        if (keys.putIfAbsent(id, key) != null) {
            throw new IllegalArgumentException(property + ": key id " + id + " is given twice");
        }
        return id;
    }

    byte[] current() {
        return keys.get(currentId);
    }

    byte[] get(String id) {
        byte[] key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("no key " + id + " is configured: a key still in use was removed");
        }
        return key;
    }
}
