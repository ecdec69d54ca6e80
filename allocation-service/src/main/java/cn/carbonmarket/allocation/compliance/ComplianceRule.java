package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.allocation.rules.Figure;
import cn.carbonmarket.allocation.rules.Flag;
import java.math.BigDecimal;

/**
 * The surrender rules of one benchmark pack: how a unit's obligation is capped, how much of it may be offsets or
 * borrowed, the range of the penalty's multiple and when the warning list opens. Each figure keeps its source.
 */
public record ComplianceRule(String pack, Figure offsetLimitShare, Flag gasCappedAtAllocation,
                             Figure shortfallCapShare, Flag borrowingAllowed, Figure borrowingGapThresholdShare,
                             Figure borrowingMaxShareOfGap, Figure penaltyFactorMin, Figure penaltyFactorMax,
                             Figure warningWindowDays) {

    boolean factorAllowed(BigDecimal factor) {
        return factor.compareTo(penaltyFactorMin.value()) >= 0 && factor.compareTo(penaltyFactorMax.value()) <= 0;
    }

    int warningDays() {
        return warningWindowDays.value().intValueExact();
    }
}
