package cn.carbonmarket.registry.surrender;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Product;
import java.util.Optional;

/** How a surrendered unit counts against an obligation whose period's allowance is {@code period}. */
public enum SurrenderKind {
    /** The period's allowance or an earlier vintage of it (banked). */
    ALLOWANCE,
    /** The allowance of the vintage after the period's, within the borrowing limit. */
    BORROWED,
    /** Certified offsets, within the offset limit. */
    OFFSET;

    /** Empty for a unit that cannot be surrendered for the period (another product, a later vintage). */
    public static Optional<SurrenderKind> of(InstrumentCode unit, InstrumentCode period) {
        if (unit.product() == Product.CCER) {
            return Optional.of(OFFSET);
        }
        if (unit.product() != period.product()) {
            return Optional.empty();
        }
        if (unit.vintage() <= period.vintage()) {
            return Optional.of(ALLOWANCE);
        }
        return unit.vintage() == period.vintage() + 1 ? Optional.of(BORROWED) : Optional.empty();
    }
}
