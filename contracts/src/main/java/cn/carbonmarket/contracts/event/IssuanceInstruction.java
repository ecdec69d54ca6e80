package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Units;
import java.util.List;

/**
 * Allocation asks the registry to issue units of one instrument from its jurisdiction's issuance account to
 * parties (free allocation approved by the regulator, or auction results). Keyed by instruction id on
 * {@code allocation.issuance-instructions}; the registry books it once per instruction id.
 */
public record IssuanceInstruction(String instructionId, Reason reason, InstrumentCode instrument,
                                  List<Recipient> recipients) {

    public static final EventType<IssuanceInstruction> TYPE = new EventType<>("IssuanceInstruction", 1,
            IssuanceInstruction.class, Topics.ALLOCATION_ISSUANCE_INSTRUCTIONS);

    public enum Reason { FREE_ALLOCATION, AUCTION }

    public record Recipient(PartyId partyId, Units quantity) {
    }

    public IssuanceInstruction {
        recipients = List.copyOf(recipients);
    }
}
