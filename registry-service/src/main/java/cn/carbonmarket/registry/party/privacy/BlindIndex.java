package cn.carbonmarket.registry.party.privacy;

import cn.carbonmarket.contracts.party.LegalIdentity;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed blind index of legal identities: HMAC-SHA256 of the canonical code under a key the database never holds,
 * so that the registry finds the party of an identity, and refuses to register it twice, without storing the
 * number in a form anyone holding the table could look up: unkeyed, the few billion valid resident ids of a division
 * could be hashed and matched in moments.
 */
public final class BlindIndex {

    private static final String ALGORITHM = "HmacSHA256";

    private final KeyRing keys;

    BlindIndex(KeyRing keys) {
        this.keys = keys;
    }

    /** The id of the key new indexes are made with. */
    public String keyId() {
        return keys.currentId();
    }

    /** The identity's index under the current key. */
    public byte[] of(LegalIdentity identity) {
        return under(keys.current(), identity);
    }

    /** The identity's index under each configured key: during a rotation a row may still be under an earlier one. */
    public List<byte[]> candidates(LegalIdentity identity) {
        return keys.keys().values().stream().map(key -> under(key, identity)).toList();
    }

    private static byte[] under(byte[] key, LegalIdentity identity) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            // The canonical code (upper case, 18 characters) whatever the case or spacing it was given in.
            return mac.doFinal(identity.code().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
