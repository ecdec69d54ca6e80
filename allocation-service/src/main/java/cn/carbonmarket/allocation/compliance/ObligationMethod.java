package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.allocation.benchmark.UnitCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * An entity's surrender obligation by the period's rules. Where the pack caps by allocation (the national market),
 * from its units' verified emissions and final free allocation over the period: a gas unit surrenders at most its
 * allocation, any other unit at most its allocation plus the capped share of its emissions (half up to the tonne),
 * never more than it emitted; the entity's obligation is the sum. Where the pack obliges verified emissions (a
 * pilot), those. The offset and borrowing limits are rounded down: a limit is a most, never exceeded by rounding.
 */
public final class ObligationMethod {

    private ObligationMethod() {
    }

    /** A unit's verified emissions and final allocation summed over the period's years. */
    public record UnitFigures(String unitId, UnitCategory category, long emissionsTonnes, long allocationTonnes) {
    }

    public record UnitObligation(String unitId, UnitCategory category, long emissionsTonnes, long allocationTonnes,
                                 long obligationTonnes) {
    }

    public record EntityObligation(long verifiedEmissionsTonnes, long allocationTonnes, long obligationTonnes,
                                   long offsetLimitTonnes, long borrowingLimitTonnes, List<UnitObligation> units) {
    }

    public static EntityObligation of(List<UnitFigures> units, ComplianceRule rule) {
        List<UnitObligation> obligations = units.stream()
                .map(unit -> new UnitObligation(unit.unitId(), unit.category(), unit.emissionsTonnes(),
                        unit.allocationTonnes(), unitObligation(unit, rule)))
                .toList();
        long emissions = obligations.stream().mapToLong(UnitObligation::emissionsTonnes).sum();
        long allocation = obligations.stream().mapToLong(UnitObligation::allocationTonnes).sum();
        long obligation = obligations.stream().mapToLong(UnitObligation::obligationTonnes).sum();
        return new EntityObligation(emissions, allocation, obligation, rule.offsets().limitOf(obligation),
                borrowingLimit(emissions, allocation, obligation, rule), obligations);
    }

    /** An enrolled entity's obligation: all of its verified emissions, whatever it was allocated. */
    public static EntityObligation ofVerifiedEmissions(long verifiedEmissionsTonnes, long allocationTonnes,
                                                       ComplianceRule rule) {
        return new EntityObligation(verifiedEmissionsTonnes, allocationTonnes, verifiedEmissionsTonnes,
                rule.offsets().limitOf(verifiedEmissionsTonnes),
                borrowingLimit(verifiedEmissionsTonnes, allocationTonnes, verifiedEmissionsTonnes, rule), List.of());
    }

    static long unitObligation(UnitFigures unit, ComplianceRule rule) {
        ObligationBasis.CappedByAllocation caps = rule.cappedByAllocation();
        long cap = unit.category().fuel() == UnitCategory.Fuel.GAS && caps.gasCappedAtAllocation().value()
                ? unit.allocationTonnes()
                : unit.allocationTonnes() + caps.shortfallCapShare().value()
                        .multiply(BigDecimal.valueOf(unit.emissionsTonnes())).setScale(0, RoundingMode.HALF_UP)
                        .longValueExact();
        return Math.min(unit.emissionsTonnes(), cap);
    }

    /**
     * Where the rules allow borrowing and the gap the free allocation leaves (obligation - allocation) reaches the
     * threshold share of the verified emissions, the allowed share of that gap; otherwise none.
     */
    static long borrowingLimit(long emissions, long allocation, long obligation, ComplianceRule rule) {
        long gap = obligation - allocation;
        if (!rule.borrowingAllowed().value() || gap <= 0) {
            return 0;
        }
        BigDecimal threshold = rule.borrowingGapThresholdShare().value().multiply(BigDecimal.valueOf(emissions));
        return BigDecimal.valueOf(gap).compareTo(threshold) < 0 ? 0
                : floor(rule.borrowingMaxShareOfGap().value(), gap);
    }

    private static long floor(BigDecimal share, long tonnes) {
        return share.multiply(BigDecimal.valueOf(tonnes)).setScale(0, RoundingMode.FLOOR).longValueExact();
    }
}
