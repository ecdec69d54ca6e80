package cn.carbonmarket.contracts.signing;

/** An Ed25519 signature ({@code value}, base64) made with the private key of id {@code keyId}. */
public record Signature(String keyId, String value) {
}
