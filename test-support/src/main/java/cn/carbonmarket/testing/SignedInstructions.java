package cn.carbonmarket.testing;

import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.event.IssuanceInstruction.Approval;
import cn.carbonmarket.contracts.event.IssuanceInstruction.Basis;
import cn.carbonmarket.contracts.event.IssuanceInstruction.Reason;
import cn.carbonmarket.contracts.event.IssuanceInstruction.Recipient;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.signing.Ed25519Signer;
import cn.carbonmarket.contracts.signing.Ed25519Verifier;
import cn.carbonmarket.contracts.signing.NamedKey;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Units;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Issuance instructions as allocation-service publishes them, for tests and benchmarks that stand in for its
 * approval step: approved by a run and signed with allocation's local development key (the one its dev and test
 * profiles and the launcher give it; the registry's list of allocation's public keys holds its other half), in the
 * JSON envelope of version 2. {@link #envelope} writes any instruction, also an unsigned or forged one.
 */
public final class SignedInstructions {

    /** Allocation's local development signing key (PKCS#8): never used outside a developer's machine and the tests. */
    private static final Ed25519Signer ALLOCATION = new Ed25519Signer(
            NamedKey.parse("local-1:MC4CAQAwBQYDK2VwBCIEIPSnwwlaVHxfBa20G0VBq4Lc2qcGSMKh3gAAlTklT/r4"));

    /** Its public half, as the registry's dev and test profiles list it. */
    private static final Ed25519Verifier REGISTRY = new Ed25519Verifier(
            NamedKey.parseAll("local-1:MCowBQYDK2VwAyEAdXm2GsZzMtIIvM5BeVqiA67NhXhoH3MsUMhKTCR6T1s="));

    private SignedInstructions() {
    }

    /** Why the registry would not take the instruction's signature, or null when it verifies. */
    public static String refusal(IssuanceInstruction instruction) {
        return REGISTRY.refusal(instruction.signedContent(), instruction.signature());
    }

    public static Recipient recipient(String partyId, long tonnes) {
        return new Recipient(PartyId.parse(partyId), Units.of(tonnes));
    }

    /** An approved, unsigned instruction: of a test run for free allocation and claw-backs, of an auction for AUCTION. */
    public static IssuanceInstruction approved(String instructionId, String reason, String instrument,
                                               Recipient... recipients) {
        Reason why = Reason.valueOf(reason);
        Basis basis = why == Reason.AUCTION ? Basis.AUCTION : Basis.ALLOCATION_RUN;
        return new IssuanceInstruction(instructionId, why, InstrumentCode.parse(instrument), Arrays.asList(recipients),
                new Approval(basis, UUID.randomUUID().toString(), "test-regulator", Instant.now()));
    }

    /** The instruction signed with allocation's local development key. */
    public static IssuanceInstruction signed(IssuanceInstruction instruction) {
        return instruction.signedWith(ALLOCATION.sign(instruction.signedContent()));
    }

    /** An approved instruction, signed, in its envelope: what allocation-service publishes. */
    public static String json(String instructionId, String reason, String instrument, Recipient... recipients) {
        return envelope(signed(approved(instructionId, reason, instrument, recipients)));
    }

    /** Any instruction in a fresh version 2 envelope, as it is (signed or not). */
    public static String envelope(IssuanceInstruction i) {
        String recipients = i.recipients().stream()
                .map(r -> "{\"partyId\":\"%s\",\"quantity\":%d}".formatted(r.partyId(), r.quantity().tonnes()))
                .collect(Collectors.joining(","));
        Approval a = i.approval();
        String approval = a == null ? "null" : "{\"basis\":%s,\"reference\":%s,\"approvedBy\":%s,\"approvedAt\":%s}"
                .formatted(text(a.basis() == null ? null : a.basis().name()), text(a.reference()),
                        text(a.approvedBy()), text(a.approvedAt() == null ? null : a.approvedAt().toString()));
        String signature = i.signature() == null ? "null" : "{\"keyId\":%s,\"value\":%s}"
                .formatted(text(i.signature().keyId()), text(i.signature().value()));
        return """
                {"eventId":"%s","type":"IssuanceInstruction","version":%d,"occurredAt":"%s",\
                "producer":"allocation-service","key":%s,"payload":{"instructionId":%s,"reason":"%s",\
                "instrument":"%s","recipients":[%s],"approval":%s,"signature":%s}}"""
                .formatted(UUID.randomUUID(), IssuanceInstruction.TYPE.version(), Instant.now(),
                        text(i.instructionId()), text(i.instructionId()), i.reason(), i.instrument(), recipients,
                        approval, signature);
    }

    private static String text(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
