package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.allocation.rules.Figure;
import cn.carbonmarket.allocation.rules.Sourced;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.unit.OffsetRules;
import cn.carbonmarket.contracts.unit.Product;
import cn.carbonmarket.contracts.unit.ProjectType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * A pack's offset rules with their sources: the share of the obligation offsets may cover, the products that count,
 * the share of that limit that must come from projects in the local region, and the project types that do not count.
 * What the registry judges surrenders by travels as {@link #rules()} on the obligation.
 */
public record OffsetPolicy(Figure limitShare, Sourced<List<Product>> products, Region localRegion,
                           Figure minLocalShare, Sourced<Set<ProjectType>> excludedTypes) {

    private static final BigDecimal BASIS_POINTS = BigDecimal.valueOf(10_000);

    /** Fails at load where the figures do not make offset rules (a local share without a region, an allowance). */
    public OffsetPolicy {
        if (limitShare.value().signum() < 0 || limitShare.value().compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalStateException("an offset limit is a share of the obligation, 0..1, not "
                    + limitShare.value());
        }
        new OffsetRules(products.value(), localRegion, basisPoints(minLocalShare.value()), excludedTypes.value());
    }

    public OffsetRules rules() {
        return new OffsetRules(products.value(), localRegion, basisPoints(minLocalShare.value()),
                excludedTypes.value());
    }

    /** The most tonnes of the obligation offsets may cover: the share of it, rounded down (a limit is a most). */
    public long limitOf(long obligationTonnes) {
        return limitShare.value().multiply(BigDecimal.valueOf(obligationTonnes)).setScale(0, RoundingMode.FLOOR)
                .longValueExact();
    }

    private static int basisPoints(BigDecimal share) {
        try {
            return share.multiply(BASIS_POINTS).intValueExact();
        } catch (ArithmeticException notWhole) {
            throw new IllegalStateException("a local share is written in whole basis points, not " + share,
                    notWhole);
        }
    }
}
