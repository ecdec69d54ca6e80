package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Units;
import java.util.List;

/**
 * Allocation asks the registry to issue units of one instrument from its jurisdiction's issuance account to
 * parties (free allocation approved by the regulator, or auction results), or to take excess free allocation back
 * ({@link Reason#CLAW_BACK}). Keyed by instruction id on {@code allocation.issuance-instructions}; the registry books
 * it once per instruction id and answers on {@code registry.transactions}: a {@link TransactionBooked} whose reference
 * is the instruction id, an {@link IssuanceRefused}, or for a claw-back an {@link AllocationReturned}.
 */
public record IssuanceInstruction(String instructionId, Reason reason, InstrumentCode instrument,
                                  List<Recipient> recipients) {

    public static final EventType<IssuanceInstruction> TYPE = new EventType<>("IssuanceInstruction", 1,
            IssuanceInstruction.class, Topics.ALLOCATION_ISSUANCE_INSTRUCTIONS);

    /**
     * Why units move. FREE_ALLOCATION and AUCTION issue the quantities to the recipients; CLAW_BACK returns them from
     * the recipients' available holdings to the issuance account, and where a holding is short the registry returns
     * what is there and records the rest as the party's allocation debt.
     */
    public enum Reason { FREE_ALLOCATION, AUCTION, CLAW_BACK }

    public record Recipient(PartyId partyId, Units quantity) {
    }

    public IssuanceInstruction {
        recipients = List.copyOf(recipients);
    }
}
