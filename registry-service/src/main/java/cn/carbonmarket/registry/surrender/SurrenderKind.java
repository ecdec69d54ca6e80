package cn.carbonmarket.registry.surrender;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.OffsetOrigin;
import cn.carbonmarket.contracts.unit.OffsetRules;
import java.util.Optional;

/**
 * How a surrendered unit counts against an obligation: the period's allowance is {@code period} (CEA for a national
 * period, the pilot's own for a pilot period), its offsets are those its {@link OffsetRules} accept.
 */
public enum SurrenderKind {
    /** The period's allowance or an earlier vintage of it (banked). */
    ALLOWANCE,
    /** The allowance of the vintage after the period's, within the borrowing limit. */
    BORROWED,
    /** An accepted offset from the period's local region (or from anywhere where the rules name no region). */
    OFFSET,
    /** An accepted offset from elsewhere, or of unrecorded origin: within the offset limit and its non-local share. */
    NON_LOCAL_OFFSET;

    /** A unit's kind for a period, or why it cannot be surrendered for it. */
    public record Eligibility(SurrenderKind kind, String whyNot) {

        static Eligibility as(SurrenderKind kind) {
            return new Eligibility(kind, null);
        }

        static Eligibility refused(String whyNot) {
            return new Eligibility(null, whyNot);
        }

        public boolean eligible() {
            return kind != null;
        }
    }

    public static Eligibility of(InstrumentCode unit, InstrumentCode period, OffsetRules offsets) {
        return unit.product().isOffset() ? offset(unit, offsets) : allowance(unit, period);
    }

    private static Eligibility allowance(InstrumentCode unit, InstrumentCode period) {
        if (unit.product() != period.product()) {
            return Eligibility.refused("the period's allowance is " + period.product() + ", not " + unit.product());
        }
        if (unit.vintage() <= period.vintage()) {
            return Eligibility.as(ALLOWANCE);
        }
        return unit.vintage() == period.vintage() + 1 ? Eligibility.as(BORROWED)
                : Eligibility.refused("it is later than " + period + " and " + period.withVintage(period.vintage() + 1)
                        + ", the only vintage that may be borrowed");
    }

    private static Eligibility offset(InstrumentCode unit, OffsetRules offsets) {
        if (!offsets.products().contains(unit.product())) {
            return Eligibility.refused(unit.product() + " is not an offset the period accepts (it accepts "
                    + offsets.products() + ")");
        }
        Optional<OffsetOrigin> origin = unit.originIfRecorded();
        if (!offsets.excludedTypes().isEmpty()) {
            if (origin.isEmpty()) {
                return Eligibility.refused("its origin is not recorded, and the period does not accept offsets of"
                        + " project types " + offsets.excludedTypes().stream().sorted().toList());
            }
            if (offsets.excludedTypes().contains(origin.get().type())) {
                return Eligibility.refused(origin.get().type() + " projects' offsets do not count for the period");
            }
        }
        boolean local = offsets.localRegion() == null
                || origin.filter(o -> o.province() == offsets.localRegion()).isPresent();
        return Eligibility.as(local ? OFFSET : NON_LOCAL_OFFSET);
    }
}
