package cn.carbonmarket.registry.party.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Seals a field of personal data with SM4 (GB/T 32907-2016, the block cipher of the GM/T standards Chinese financial
 * regulators expect) in GCM mode, through Bouncy Castle's lightweight API: plain classes, no JCA provider to
 * register, so the native image needs nothing special. A sealed value is a version byte, a random 12-byte nonce and
 * the ciphertext with its 16-byte tag. The party's id and the field's name are authenticated with it, so a value
 * moved to another row or column no longer opens.
 */
public final class FieldCipher {

    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    /** SM4 keys are 128 bits. */
    static final int KEY_BYTES = 16;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    FieldCipher(KeyRing keys) {
        this.keys = keys;
    }

    /** The id of the key new values are sealed with. */
    public String keyId() {
        return keys.currentId();
    }

    public byte[] seal(String owner, String field, String value) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] plain = value.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher gcm = cipher(true, keys.current(), nonce, owner, field);
        byte[] sealed = new byte[1 + NONCE + gcm.getOutputSize(plain.length)];
        sealed[0] = VERSION;
        System.arraycopy(nonce, 0, sealed, 1, NONCE);
        int written = gcm.processBytes(plain, 0, plain.length, sealed, 1 + NONCE);
        try {
            gcm.doFinal(sealed, 1 + NONCE + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return sealed;
    }

    /** The value sealed under key {@code keyId}; refused if it was altered or sealed for another owner or field. */
    public String open(String keyId, String owner, String field, byte[] sealed) {
        if (sealed.length < 1 + NONCE || sealed[0] != VERSION) {
            throw new IllegalStateException("a sealed " + field + " of " + owner + " is not in a known format");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE);
        GCMModeCipher gcm = cipher(false, keys.get(keyId), nonce, owner, field);
        byte[] plain = new byte[gcm.getOutputSize(sealed.length - 1 - NONCE)];
        int written = gcm.processBytes(sealed, 1 + NONCE, sealed.length - 1 - NONCE, plain, 0);
        try {
            written += gcm.doFinal(plain, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("the sealed " + field + " of " + owner + " does not open under key "
                    + keyId + ": it was altered or belongs elsewhere");
        }
        return new String(plain, 0, written, StandardCharsets.UTF_8);
    }

    private static GCMModeCipher cipher(boolean forSealing, byte[] key, byte[] nonce, String owner, String field) {
        byte[] ownerBytes = owner.getBytes(StandardCharsets.UTF_8);
        byte[] fieldBytes = field.getBytes(StandardCharsets.UTF_8);
        byte[] associated = ByteBuffer.allocate(8 + ownerBytes.length + fieldBytes.length)
                .putInt(ownerBytes.length).put(ownerBytes).putInt(fieldBytes.length).put(fieldBytes).array();
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(forSealing, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, associated));
        return gcm;
    }
}
