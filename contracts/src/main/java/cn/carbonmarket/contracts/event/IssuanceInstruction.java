package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.signing.Signature;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Units;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Allocation asks the registry to issue units of one instrument from its jurisdiction's issuance account to
 * parties (free allocation approved by the regulator, or auction results), or to take excess free allocation back
 * ({@link Reason#CLAW_BACK}). Keyed by instruction id on {@code allocation.issuance-instructions}; the registry books
 * it once per instruction id and answers on {@code registry.transactions}: a {@link TransactionBooked} whose reference
 * is the instruction id, an {@link IssuanceRefused}, or for a claw-back an {@link AllocationReturned}.
 *
 * <p>Version 2 names what approved the instruction ({@link Approval}) and carries allocation's Ed25519 signature over
 * its {@link #signedContent() canonical form}: the registry books only an instruction whose signature verifies under
 * allocation's public key and whose approval names a run, an auction or a pilot enrolment, so that a record written
 * to the topic by anyone else (even with allocation's Kafka credentials) creates no units. A version 1 instruction
 * has neither and is refused.
 */
public record IssuanceInstruction(String instructionId, Reason reason, InstrumentCode instrument,
                                  List<Recipient> recipients, Approval approval, Signature signature) {

    public static final EventType<IssuanceInstruction> TYPE = new EventType<>("IssuanceInstruction", 2,
            IssuanceInstruction.class, Topics.ALLOCATION_ISSUANCE_INSTRUCTIONS);

    /**
     * Why units move. FREE_ALLOCATION and AUCTION issue the quantities to the recipients; CLAW_BACK returns them from
     * the recipients' available holdings to the issuance account, and where a holding is short the registry returns
     * what is there and records the rest as the party's allocation debt.
     */
    public enum Reason { FREE_ALLOCATION, AUCTION, CLAW_BACK }

    public record Recipient(PartyId partyId, Units quantity) {
    }

    /**
     * What the instruction carries out: an approved allocation run ({@code reference} = its run id), an auction
     * ({@code reference} = its auction id) or a pilot enrolment ({@code reference} = {@code <periodId>/<partyId>}),
     * and who approved it (the user's name in the token) when.
     */
    public record Approval(Basis basis, String reference, String approvedBy, Instant approvedAt) {
    }

    /** What an approval can be: the reason an instruction may have follows from it ({@link #allows}). */
    public enum Basis {
        ALLOCATION_RUN, AUCTION, PILOT_ENROLMENT;

        /** A run or an enrolment issues or claws back free allocation; an auction delivers its results. */
        public boolean allows(Reason reason) {
            return this == AUCTION ? reason == Reason.AUCTION : reason != Reason.AUCTION;
        }
    }

    public IssuanceInstruction {
        recipients = List.copyOf(recipients);
    }

    /** An instruction not signed yet. */
    public IssuanceInstruction(String instructionId, Reason reason, InstrumentCode instrument,
                               List<Recipient> recipients, Approval approval) {
        this(instructionId, reason, instrument, recipients, approval, null);
    }

    public IssuanceInstruction signedWith(Signature signature) {
        return new IssuanceInstruction(instructionId, reason, instrument, recipients, approval, signature);
    }

    /**
     * The bytes the signature covers: every field but the signature, in this order, each text as its UTF-8 length
     * (4 bytes, big-endian) and bytes, a missing one as length -1, each number as 4 (count) or 8 (tonnes) bytes
     * big-endian: the tag {@code IssuanceInstruction/2}, instructionId, reason, instrument, the recipients' count and
     * each recipient's partyId and tonnes, then the approval's basis, reference, approvedBy and approvedAt (ISO 8601
     * as {@link Instant#toString()} writes it). A change to any of them breaks the signature.
     */
    public byte[] signedContent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, TYPE.name() + "/" + TYPE.version());
            text(out, instructionId);
            text(out, reason == null ? null : reason.name());
            text(out, instrument == null ? null : instrument.toString());
            out.writeInt(recipients.size());
            for (Recipient recipient : recipients) {
                text(out, recipient.partyId() == null ? null : recipient.partyId().toString());
                out.writeLong(recipient.quantity() == null ? -1 : recipient.quantity().tonnes());
            }
            text(out, approval == null || approval.basis() == null ? null : approval.basis().name());
            text(out, approval == null ? null : approval.reference());
            text(out, approval == null ? null : approval.approvedBy());
            text(out, approval == null || approval.approvedAt() == null ? null : approval.approvedAt().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
