package cn.carbonmarket.trading.rules;

import java.util.Map;

/**
 * A jurisdiction's numbers for block agreement trades, as published; {@code sources} names the rule behind each
 * number by its key in the rule pack.
 *
 * @param minQuantity          the smallest block offer in tonnes
 * @param dailyBandBasisPoints half-width of the block price band around the previous close (3,000 = 30%)
 */
public record BlockRules(long minQuantity, long dailyBandBasisPoints, Map<String, String> sources) {

    public BlockRules {
        if (minQuantity <= 0 || dailyBandBasisPoints <= 0) {
            throw new IllegalArgumentException("inconsistent block rules: minimum " + minQuantity + " t, band "
                    + dailyBandBasisPoints + " bp");
        }
        sources = Map.copyOf(sources);
    }
}
