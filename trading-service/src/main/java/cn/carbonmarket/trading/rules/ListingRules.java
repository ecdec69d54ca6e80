package cn.carbonmarket.trading.rules;

import java.util.Map;

/**
 * A jurisdiction's numbers for listing-agreement (continuous) trading, as published; {@code sources} names the
 * rule behind each number by its key in the rule pack.
 *
 * @param tick                 price step in fen
 * @param quantityStep         quantity step in tonnes
 * @param minQuantity          smallest order in tonnes
 * @param maxQuantity          largest order in tonnes
 * @param dailyBandBasisPoints half-width of the daily price band around the previous close (1,000 = 10%)
 * @param counterpartyLevels   how many of the counterparty's best price levels a taker may choose from
 */
public record ListingRules(long tick, long quantityStep, long minQuantity, long maxQuantity,
                           long dailyBandBasisPoints, int counterpartyLevels, Map<String, String> sources) {

    public ListingRules {
        if (tick <= 0 || quantityStep <= 0 || minQuantity <= 0 || maxQuantity < minQuantity
                || dailyBandBasisPoints <= 0 || counterpartyLevels <= 0) {
            throw new IllegalArgumentException("inconsistent listing rules: tick " + tick + ", step " + quantityStep
                    + ", quantity " + minQuantity + ".." + maxQuantity + ", band " + dailyBandBasisPoints
                    + " bp, levels " + counterpartyLevels);
        }
        sources = Map.copyOf(sources);
    }
}
