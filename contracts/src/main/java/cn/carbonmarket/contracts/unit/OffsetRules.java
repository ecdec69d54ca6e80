package cn.carbonmarket.contracts.unit;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.Region;
import java.util.List;
import java.util.Set;

/**
 * Which offsets count toward an obligation and how, as the period's rule pack sets them: the accepted products,
 * and where the pack asks for it, a minimum share of the offset limit from projects in {@code localRegion}
 * (Beijing: at least half; Hubei: all) and project types that do not count (hydro in some pilots). An offset
 * whose origin is not recorded counts as neither local nor of an allowed type where the pack restricts either.
 *
 * @param minLocalShareBasisPoints 0..10,000 of the offset limit that must come from local projects: non-local
 *                                 offsets are at most the offset limit x (10,000 - this) / 10,000, rounded down
 */
public record OffsetRules(List<Product> products, Region localRegion, int minLocalShareBasisPoints,
                          Set<ProjectType> excludedTypes) {

    /** The national market's: CCER of any origin. */
    public static final OffsetRules NATIONAL = new OffsetRules(List.of(Product.CCER), null, 0, Set.of());

    public OffsetRules {
        products = List.copyOf(products);
        excludedTypes = Set.copyOf(excludedTypes);
        if (products.stream().anyMatch(p -> !p.isOffset())) {
            throw new InvalidValueException("offsets", "only offset products may be accepted as offsets: " + products);
        }
        if (minLocalShareBasisPoints < 0 || minLocalShareBasisPoints > 10_000) {
            throw new InvalidValueException("offsets", "the local share is 0..10000 basis points");
        }
        if (minLocalShareBasisPoints > 0 && localRegion == null) {
            throw new InvalidValueException("offsets", "a local share needs the local region");
        }
    }

    /** Whether origin matters at all: a pack with neither a local share nor excluded types takes any origin. */
    public boolean restrictsOrigin() {
        return minLocalShareBasisPoints > 0 || !excludedTypes.isEmpty();
    }

    /** The most tonnes of non-local offsets within {@code offsetLimitTonnes}. */
    public long nonLocalLimit(long offsetLimitTonnes) {
        return Math.multiplyExact(offsetLimitTonnes, 10_000L - minLocalShareBasisPoints) / 10_000L;
    }
}
