package cn.carbonmarket.allocation.benchmark;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * One tier of the load-factor correction, for load factors from {@code atLeast} up to the next tier: either linear,
 * {@code base + perPoint × (pivot − 100 × F)}, or a power, {@code powerBase ^ (exponentAt − exponentPerUnit × F)}.
 */
public record LoadFactorTier(BigDecimal atLeast, BigDecimal base, BigDecimal perPoint, BigDecimal pivot,
                             BigDecimal powerBase, BigDecimal exponentAt, BigDecimal exponentPerUnit) {

    /** Factors are kept to this many decimal places: the plans state them to three or four. */
    static final int SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static LoadFactorTier linear(BigDecimal atLeast, BigDecimal base, BigDecimal perPoint, BigDecimal pivot) {
        return new LoadFactorTier(atLeast, base, perPoint, pivot, null, null, null);
    }

    public static LoadFactorTier power(BigDecimal atLeast, BigDecimal powerBase, BigDecimal exponentAt,
                                       BigDecimal exponentPerUnit) {
        return new LoadFactorTier(atLeast, null, null, null, powerBase, exponentAt, exponentPerUnit);
    }

    BigDecimal factor(BigDecimal loadFactor) {
        if (powerBase == null) {
            return base.add(perPoint.multiply(pivot.subtract(HUNDRED.multiply(loadFactor))))
                    .setScale(SCALE, RoundingMode.HALF_UP);
        }
        // A fractional exponent has no exact decimal form: computed in binary floating point and kept to SCALE
        // places, far finer than the plans state their factors; the tonnes themselves stay exact decimals.
        double exponent = exponentAt.subtract(exponentPerUnit.multiply(loadFactor)).doubleValue();
        return new BigDecimal(Math.pow(powerBase.doubleValue(), exponent), MathContext.DECIMAL64)
                .setScale(SCALE, RoundingMode.HALF_UP);
    }
}
