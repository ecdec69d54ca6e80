package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.OffsetRules;
import java.time.Instant;

/**
 * An entity's surrender obligation for a compliance period, as allocation set it from the verified emissions and the
 * period's rules: the tonnes to surrender into the period's surrender account, and within them how many may be
 * offsets and how many allowances of the next vintage (borrowing). {@code instrument} is the period's allowance
 * (CEA for the national market, the pilot's own for a pilot period, whose jurisdiction it names): allowances of its
 * vintage or earlier count in full. {@code offsets} says which offsets count and from where (the period pack's
 * products, local share and excluded project types); {@code sector} is what the obligation covers, for the
 * one-market rule. A later version replaces an earlier one. Keyed by party id on {@code allocation.obligations}.
 */
public record ObligationSet(String periodId, PartyId partyId, InstrumentCode instrument, int version,
                            long verifiedEmissionsTonnes, long obligationTonnes, long offsetLimitTonnes,
                            long borrowingLimitTonnes, Instant setAt, Sector sector, OffsetRules offsets) {

    public static final EventType<ObligationSet> TYPE = new EventType<>("ObligationSet", 1, ObligationSet.class,
            Topics.ALLOCATION_OBLIGATIONS);
}
