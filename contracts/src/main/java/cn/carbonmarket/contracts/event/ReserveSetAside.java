package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.unit.InstrumentCode;

/**
 * Allocation asks the registry to set units of a period's allowance aside in the jurisdiction's stability reserve at
 * allocation (Hubei's stabilisation share of the cap): a RESERVE_INTAKE from the issuance account into the stability
 * reserve account, once per instruction id; the {@link TransactionBooked} has the instruction id as its reference,
 * or the registry answers {@link IssuanceRefused}. Keyed by instruction id on {@code allocation.issuance-instructions}.
 */
public record ReserveSetAside(String instructionId, String periodId, InstrumentCode instrument, long tonnes,
                              String reason) {

    public static final EventType<ReserveSetAside> TYPE = new EventType<>("ReserveSetAside", 1,
            ReserveSetAside.class, Topics.ALLOCATION_ISSUANCE_INSTRUCTIONS);
}
