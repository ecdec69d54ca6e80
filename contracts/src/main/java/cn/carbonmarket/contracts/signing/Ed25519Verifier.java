package cn.carbonmarket.contracts.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks Ed25519 signatures against a list of public keys (X.509 SubjectPublicKeyInfo, as {@code openssl pkey -pubout
 * -outform DER} writes), each picked by the id the signature names: during a rotation both the old and the new key
 * are listed.
 */
public final class Ed25519Verifier {

    private final Map<String, PublicKey> keys;

    public Ed25519Verifier(List<NamedKey> x509) {
        this.keys = x509.stream().collect(Collectors.toUnmodifiableMap(NamedKey::id, Ed25519Verifier::publicKey,
                (a, b) -> a));
    }

    private static PublicKey publicKey(NamedKey key) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(key.material()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key " + key.id() + " is not an Ed25519 public key (X.509)", e);
        }
    }

    /** Why the signature does not verify the content, or null when it does. */
    public String refusal(byte[] content, Signature signature) {
        if (signature == null || signature.keyId() == null || signature.value() == null) {
            return "it is not signed";
        }
        PublicKey key = keys.get(signature.keyId());
        if (key == null) {
            return "it is signed with key " + signature.keyId() + ", which is not among the keys configured";
        }
        try {
            java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(content);
            return ed25519.verify(Base64.getDecoder().decode(signature.value())) ? null
                    : "its signature does not match its content";
        } catch (IllegalArgumentException | java.security.SignatureException e) {
            return "its signature is malformed";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JRE from 15 on", e);
        }
    }

    /** The key ids this verifier accepts, for the log line at start. */
    public List<String> keyIds() {
        return keys.keySet().stream().sorted().toList();
    }
}
