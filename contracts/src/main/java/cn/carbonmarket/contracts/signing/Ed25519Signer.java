package cn.carbonmarket.contracts.signing;

import java.io.IOException;
import java.util.Base64;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * Signs with one Ed25519 private key (PKCS#8, as {@code openssl genpkey -algorithm ed25519 -outform DER} writes).
 * Bouncy Castle's RFC 8032 code, not the JDK's: on these machines the JDK 17 provider took about 1.8 ms a signature,
 * which made an allocation run's thousands of instructions wait seconds; the signatures are the same (Ed25519 is
 * deterministic).
 */
public final class Ed25519Signer {

    private final String keyId;
    private final Ed25519PrivateKeyParameters key;

    public Ed25519Signer(NamedKey pkcs8) {
        this.keyId = pkcs8.id();
        this.key = privateKey(pkcs8);
    }

    private static Ed25519PrivateKeyParameters privateKey(NamedKey pkcs8) {
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(pkcs8.material());
            if (key instanceof Ed25519PrivateKeyParameters ed25519) {
                return ed25519;
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("key " + pkcs8.id() + " is not an Ed25519 private key (PKCS#8)", e);
        }
        throw new IllegalArgumentException("key " + pkcs8.id() + " is not an Ed25519 private key (PKCS#8)");
    }

    public Signature sign(byte[] content) {
        org.bouncycastle.crypto.signers.Ed25519Signer ed25519 = new org.bouncycastle.crypto.signers.Ed25519Signer();
        ed25519.init(true, key);
        ed25519.update(content, 0, content.length);
        return new Signature(keyId, Base64.getEncoder().encodeToString(ed25519.generateSignature()));
    }
}
