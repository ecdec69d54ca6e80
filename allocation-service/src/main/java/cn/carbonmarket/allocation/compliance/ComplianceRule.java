package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.allocation.compliance.penalty.PenaltyMethod;
import cn.carbonmarket.allocation.rules.Figure;
import cn.carbonmarket.allocation.rules.Flag;
import cn.carbonmarket.contracts.party.Jurisdiction;

/**
 * The surrender rules of one pack: the jurisdiction they are of, how an obligation is set, which offsets count and
 * how many, whether and how much may be borrowed, the penalty's method and when the warning list opens. Each figure
 * keeps its source.
 */
public record ComplianceRule(String pack, Jurisdiction jurisdiction, ObligationBasis obligation, OffsetPolicy offsets,
                             Flag borrowingAllowed, Figure borrowingGapThresholdShare,
                             Figure borrowingMaxShareOfGap, PenaltyMethod penalty, Figure warningWindowDays) {

    public Figure offsetLimitShare() {
        return offsets.limitShare();
    }

    /** The unit caps of a pack that sets obligations from units and their allocation. */
    ObligationBasis.CappedByAllocation cappedByAllocation() {
        if (obligation instanceof ObligationBasis.CappedByAllocation capped) {
            return capped;
        }
        throw new IllegalStateException("pack " + pack + " does not cap obligations by allocation");
    }

    int warningDays() {
        return warningWindowDays.value().intValueExact();
    }
}
