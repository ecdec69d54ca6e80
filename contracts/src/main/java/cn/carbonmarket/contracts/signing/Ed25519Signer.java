package cn.carbonmarket.contracts.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Signs with one Ed25519 private key (PKCS#8, as {@code openssl genpkey -algorithm ed25519 -outform DER} writes). */
public final class Ed25519Signer {

    private final String keyId;
    private final PrivateKey key;

    public Ed25519Signer(NamedKey pkcs8) {
        this.keyId = pkcs8.id();
        try {
            this.key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8.material()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key " + pkcs8.id() + " is not an Ed25519 private key (PKCS#8)", e);
        }
    }

    public Signature sign(byte[] content) {
        try {
            java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(content);
            return new Signature(keyId, Base64.getEncoder().encodeToString(ed25519.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JRE from 15 on", e);
        }
    }
}
