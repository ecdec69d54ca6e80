package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Units;
import java.util.List;
import java.util.UUID;

/**
 * The registry carried out a claw-back instruction: per recipient, what was asked back, what was returned from its
 * available holding to the issuance account, and the rest, recorded as the party's allocation debt (requested =
 * returned + debt). {@code transactionId} is the ALLOCATION_RETURN booking, null when nothing could be returned.
 * Keyed by instruction id on {@code registry.transactions}; published once per instruction id.
 */
public record AllocationReturned(String instructionId, UUID transactionId, InstrumentCode instrument,
                                 List<Return> returns) {

    public static final EventType<AllocationReturned> TYPE = new EventType<>("AllocationReturned", 1,
            AllocationReturned.class, Topics.REGISTRY_TRANSACTIONS);

    public record Return(PartyId partyId, Units requested, Units returned, Units debt) {
    }

    public AllocationReturned {
        returns = List.copyOf(returns);
    }
}
