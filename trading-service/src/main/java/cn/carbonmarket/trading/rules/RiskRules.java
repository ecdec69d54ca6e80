package cn.carbonmarket.trading.rules;

import java.util.Map;

/**
 * A jurisdiction's numbers for pre-trade risk and surveillance; {@code sources} names the rule behind each.
 *
 * @param positionLimit                 most tonnes of one instrument a party may hold, counting open buy orders
 * @param largeTraderThreshold          tonnes of one instrument whose crossing the exchange reports
 * @param abnormalMoveBandShareBasisPoints share of the daily band's half-width one party's trades may move the
 *                                      price within the window before an alert (5,000 = half)
 * @param abnormalMoveWindowSeconds     the window a party's price moves add up over
 */
public record RiskRules(long positionLimit, long largeTraderThreshold, long abnormalMoveBandShareBasisPoints,
                        long abnormalMoveWindowSeconds, Map<String, String> sources) {

    public RiskRules {
        if (positionLimit <= 0 || largeTraderThreshold <= 0 || abnormalMoveBandShareBasisPoints <= 0
                || abnormalMoveWindowSeconds <= 0) {
            throw new IllegalArgumentException("risk rules must be positive: limit " + positionLimit
                    + ", large trader " + largeTraderThreshold + ", abnormal move " + abnormalMoveBandShareBasisPoints
                    + " bp in " + abnormalMoveWindowSeconds + " s");
        }
        sources = Map.copyOf(sources);
    }
}
