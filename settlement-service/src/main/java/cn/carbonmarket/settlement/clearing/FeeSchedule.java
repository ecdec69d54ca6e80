package cn.carbonmarket.settlement.clearing;

import java.util.EnumMap;
import java.util.Map;

/**
 * The exchange's trading fees per mode and side, from the rule pack: the rate on the trade's value, rounded by the
 * stated rule, but never less than the minimum. Integer arithmetic throughout; an overflow fails loudly.
 */
public final class FeeSchedule {

    private final Map<TradeMode, Map<Side, FeeRate>> rates;
    private final FeeRounding rounding;
    private final String source;

    public FeeSchedule(Map<TradeMode, Map<Side, FeeRate>> rates, FeeRounding rounding, String source) {
        this.rates = new EnumMap<>(TradeMode.class);
        for (TradeMode mode : TradeMode.values()) {
            Map<Side, FeeRate> sides = rates.get(mode);
            if (sides == null || !sides.keySet().containsAll(java.util.EnumSet.allOf(Side.class))) {
                throw new IllegalStateException("the fee schedule has no buyer and seller rate for " + mode);
            }
            this.rates.put(mode, new EnumMap<>(sides));
        }
        this.rounding = rounding;
        this.source = source;
    }

    /** The fee in fen on a trade of {@code valueFen} for one side. */
    public long fee(TradeMode mode, Side side, long valueFen) {
        FeeRate rate = rates.get(mode).get(side);
        long proportional = rounding.divide(Math.multiplyExact(valueFen, rate.rateBasisPoints()));
        return Math.max(proportional, rate.minimumFen());
    }

    public FeeRate rate(TradeMode mode, Side side) {
        return rates.get(mode).get(side);
    }

    public FeeRounding rounding() {
        return rounding;
    }

    public String source() {
        return source;
    }
}
