package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.unit.InstrumentCode;

/** What a surrendered unit is, against the period's own allowance. */
public enum SurrenderKind {
    /** The period's allowance of its vintage or earlier (banked). */
    ALLOWANCE,
    /** An allowance of a later vintage than the period's: borrowed from the next allocation. */
    BORROWED,
    /** An offset credit (CCER). */
    OFFSET;

    static SurrenderKind of(InstrumentCode surrendered, InstrumentCode periodInstrument) {
        if (surrendered.product().isOffset()) {
            return OFFSET;
        }
        return surrendered.vintage() > periodInstrument.vintage() ? BORROWED : ALLOWANCE;
    }
}
