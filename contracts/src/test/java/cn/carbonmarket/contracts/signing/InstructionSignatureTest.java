package cn.carbonmarket.contracts.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Units;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Allocation's signature over an issuance instruction, as the registry checks it. */
class InstructionSignatureTest {

    private static final KeyPair ALLOCATION = pair();
    private static final KeyPair OTHER = pair();
    private static final Ed25519Verifier REGISTRY = new Ed25519Verifier(List.of(publicKey("2026-1", ALLOCATION)));

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NamedKey publicKey(String id, KeyPair pair) {
        return new NamedKey(id, pair.getPublic().getEncoded());
    }

    private static Ed25519Signer signer(String id, KeyPair pair) {
        return new Ed25519Signer(new NamedKey(id, pair.getPrivate().getEncoded()));
    }

    private static IssuanceInstruction instruction(long tonnes) {
        return new IssuanceInstruction("ALLOC-1", IssuanceInstruction.Reason.FREE_ALLOCATION,
                InstrumentCode.parse("CEA-2025"), List.of(new IssuanceInstruction.Recipient(
                        new PartyId(UUID.fromString("7d1f5f8e-0000-4000-8000-000000000001")), Units.of(tonnes))),
                new IssuanceInstruction.Approval(IssuanceInstruction.Basis.ALLOCATION_RUN, UUID.randomUUID().toString(),
                        "regulator", Instant.parse("2026-03-31T08:00:00.123456Z")));
    }

    private static IssuanceInstruction signed(IssuanceInstruction instruction, Ed25519Signer signer) {
        return instruction.signedWith(signer.sign(instruction.signedContent()));
    }

    private static String refusal(IssuanceInstruction instruction) {
        return REGISTRY.refusal(instruction.signedContent(), instruction.signature());
    }

    @Test
    void aSignatureMadeWithAllocationsKeyVerifies() {
        assertThat(refusal(signed(instruction(1_000), signer("2026-1", ALLOCATION)))).isNull();
    }

    @Test
    void anUnsignedInstructionOrOneSignedWithAnotherKeyDoesNot() {
        assertThat(refusal(instruction(1_000))).isEqualTo("it is not signed");
        assertThat(refusal(signed(instruction(1_000), signer("2026-1", OTHER))))
                .isEqualTo("its signature does not match its content");
        assertThat(refusal(signed(instruction(1_000), signer("someone", OTHER))))
                .contains("key someone, which is not among the keys configured");
        assertThat(REGISTRY.refusal(instruction(1).signedContent(), new Signature("2026-1", "not base64!")))
                .isEqualTo("its signature is malformed");
    }

    @Test
    void everyFieldIsCoveredSoAChangedQuantityApprovalOrRecipientBreaksIt() {
        IssuanceInstruction original = signed(instruction(1_000), signer("2026-1", ALLOCATION));
        IssuanceInstruction.Approval approval = original.approval();
        List<IssuanceInstruction> tampered = List.of(
                new IssuanceInstruction(original.instructionId(), original.reason(), original.instrument(),
                        List.of(new IssuanceInstruction.Recipient(original.recipients().get(0).partyId(),
                                Units.of(1_000_000))), approval, original.signature()),
                new IssuanceInstruction(original.instructionId(), original.reason(), original.instrument(),
                        List.of(new IssuanceInstruction.Recipient(new PartyId(UUID.randomUUID()), Units.of(1_000))),
                        approval, original.signature()),
                new IssuanceInstruction("ALLOC-2", original.reason(), original.instrument(), original.recipients(),
                        approval, original.signature()),
                new IssuanceInstruction(original.instructionId(), IssuanceInstruction.Reason.AUCTION,
                        original.instrument(), original.recipients(), approval, original.signature()),
                new IssuanceInstruction(original.instructionId(), original.reason(), original.instrument(),
                        original.recipients(), new IssuanceInstruction.Approval(approval.basis(),
                        approval.reference(), "someone else", approval.approvedAt()), original.signature()),
                new IssuanceInstruction(original.instructionId(), original.reason(), original.instrument(),
                        original.recipients(), null, original.signature()));
        tampered.forEach(t -> assertThat(refusal(t)).as(t.toString())
                .isEqualTo("its signature does not match its content"));
    }

    /** Signed with Bouncy Castle's code here, the same bytes as the JDK's Ed25519 makes, and each verifies the other. */
    @Test
    void itsSignaturesAreTheStandardOnesTheJdksEd25519MakesAndChecks() throws Exception {
        byte[] content = instruction(7).signedContent();
        Signature ours = signer("2026-1", ALLOCATION).sign(content);
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initSign(ALLOCATION.getPrivate());
        jdk.update(content);
        byte[] theirs = jdk.sign();
        assertThat(java.util.Base64.getDecoder().decode(ours.value())).isEqualTo(theirs);
        jdk.initVerify(ALLOCATION.getPublic());
        jdk.update(content);
        assertThat(jdk.verify(java.util.Base64.getDecoder().decode(ours.value()))).isTrue();
        assertThat(REGISTRY.refusal(content, new Signature("2026-1",
                java.util.Base64.getEncoder().encodeToString(theirs)))).isNull();
        assertThat(REGISTRY.refusal(content, new Signature("2026-1", "AQID"))).isEqualTo("its signature is malformed");
    }

    @Test
    void duringARotationBothKeysVerify() {
        Ed25519Verifier both = new Ed25519Verifier(List.of(publicKey("2026-1", ALLOCATION), publicKey("2026-2", OTHER)));
        for (Ed25519Signer signer : List.of(signer("2026-1", ALLOCATION), signer("2026-2", OTHER))) {
            IssuanceInstruction instruction = signed(instruction(5), signer);
            assertThat(both.refusal(instruction.signedContent(), instruction.signature())).isNull();
        }
    }

    @Test
    void configuredKeysNameTheirIdsAndNeverShowTheKey() {
        List<NamedKey> keys = NamedKey.parseAll("a:AQID, b:BAUG");
        assertThat(keys).extracting(NamedKey::id).containsExactly("a", "b");
        assertThat(keys.get(0).material()).containsExactly(1, 2, 3);
        assertThat(keys.get(0).toString()).doesNotContain("AQID");
        assertThatThrownBy(() -> NamedKey.parseAll("AQID")).hasMessageContaining("key id is missing");
        assertThatThrownBy(() -> NamedKey.parseAll("a:AQID,a:BAUG")).hasMessageContaining("share an id");
        assertThatThrownBy(() -> NamedKey.parseAll(" ")).hasMessageContaining("no key");
        assertThatThrownBy(() -> new Ed25519Signer(keys.get(0))).hasMessageContaining("key a is not an Ed25519");
    }
}
