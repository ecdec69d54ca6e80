package cn.carbonmarket.contracts.signing;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Checks Ed25519 signatures against a list of public keys (X.509 SubjectPublicKeyInfo, as {@code openssl pkey -pubout
 * -outform DER} writes), each picked by the id the signature names: during a rotation both the old and the new key
 * are listed. Bouncy Castle's RFC 8032 code, for the speed the registry needs when an allocation run's thousands of
 * instructions arrive (see {@link cn.carbonmarket.contracts.signing.Ed25519Signer}).
 */
public final class Ed25519Verifier {

    private final Map<String, Ed25519PublicKeyParameters> keys;

    public Ed25519Verifier(List<NamedKey> x509) {
        this.keys = x509.stream().collect(Collectors.toUnmodifiableMap(NamedKey::id, Ed25519Verifier::publicKey,
                (a, b) -> a));
    }

    private static Ed25519PublicKeyParameters publicKey(NamedKey key) {
        try {
            AsymmetricKeyParameter parsed = PublicKeyFactory.createKey(key.material());
            if (parsed instanceof Ed25519PublicKeyParameters ed25519) {
                return ed25519;
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("key " + key.id() + " is not an Ed25519 public key (X.509)", e);
        }
        throw new IllegalArgumentException("key " + key.id() + " is not an Ed25519 public key (X.509)");
    }

    /** Why the signature does not verify the content, or null when it does. */
    public String refusal(byte[] content, Signature signature) {
        if (signature == null || signature.keyId() == null || signature.value() == null) {
            return "it is not signed";
        }
        Ed25519PublicKeyParameters key = keys.get(signature.keyId());
        if (key == null) {
            return "it is signed with key " + signature.keyId() + ", which is not among the keys configured";
        }
        byte[] value;
        try {
            value = Base64.getDecoder().decode(signature.value());
        } catch (IllegalArgumentException e) {
            return "its signature is malformed";
        }
        if (value.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return "its signature is malformed";
        }
        Ed25519Signer ed25519 = new Ed25519Signer();
        ed25519.init(false, key);
        ed25519.update(content, 0, content.length);
        return ed25519.verifySignature(value) ? null : "its signature does not match its content";
    }

    /** The key ids this verifier accepts, for the log line at start. */
    public List<String> keyIds() {
        return keys.keySet().stream().sorted().toList();
    }
}
