package cn.carbonmarket.registry.audit;

import cn.carbonmarket.contracts.signing.NamedKey;
import cn.carbonmarket.registry.transaction.BookedTransaction;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit chain's keys ({@code registry.audit.chain-key}: {@code <key id>:<base64>}, the first the one new records
 * are linked with, the others earlier ones still verified). A record's link is HMAC-SHA256 under the key its
 * {@code key_id} names, over what the unkeyed digest covered: the previous record's hash, a newline and the
 * transaction's canonical JSON. The keys live in the service's configuration (a Secret in production), never in the
 * database, so someone who can change the database cannot compute a link for a changed transaction.
 */
final class ChainKeys {

    private static final int MIN_KEY_BYTES = 32;

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    ChainKeys(List<NamedKey> configured) {
        for (NamedKey key : configured) {
            if (key.material().length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("audit chain key " + key.id() + " is shorter than "
                        + MIN_KEY_BYTES + " bytes");
            }
            keys.put(key.id(), new SecretKeySpec(key.material(), "HmacSHA256"));
        }
        this.currentId = configured.get(0).id();
    }

    String currentId() {
        return currentId;
    }

    boolean has(String keyId) {
        return keys.containsKey(keyId);
    }

    /** The link of a transaction after {@code previousHash}, under the key of that id (which must be configured). */
    String link(String keyId, String previousHash, BookedTransaction t) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.get(keyId));
            return HexFormat.of().formatHex(mac.doFinal(CanonicalTransaction.linked(previousHash, t)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** Whether the stored link is the one the key gives, compared in constant time. */
    boolean verifies(String keyId, String previousHash, BookedTransaction t, String stored) {
        return MessageDigest.isEqual(link(keyId, previousHash, t).getBytes(), stored.getBytes());
    }
}
