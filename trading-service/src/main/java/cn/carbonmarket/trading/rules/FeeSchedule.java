package cn.carbonmarket.trading.rules;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.trading.orderbook.Side;
import java.util.EnumMap;
import java.util.Map;

/**
 * The exchange's trading fees per trade mode and side (the same schedule settlement charges): a rate on the
 * trade's value in basis points, rounded as the schedule says, never below the minimum per trade. Integer
 * arithmetic; an overflow fails loudly.
 */
public final class FeeSchedule {

    private static final long BASIS_POINTS = 10_000;

    /** One side's fee: a rate on the trade's value and a minimum per trade in fen. */
    public record Rate(long basisPoints, long minimumFen) {

        public Rate {
            if (basisPoints < 0 || minimumFen < 0) {
                throw new IllegalArgumentException("fee rates and minimums are not negative");
            }
        }
    }

    /** How a fee's fraction of a fen is rounded: HALF_UP (half a fen and more up) or UP (any fraction up). */
    public enum Rounding { HALF_UP, UP }

    private final Map<TradeExecuted.Mode, Map<Side, Rate>> rates;
    private final Rounding rounding;

    public FeeSchedule(Map<TradeExecuted.Mode, Map<Side, Rate>> rates, Rounding rounding) {
        this.rates = new EnumMap<>(TradeExecuted.Mode.class);
        for (TradeExecuted.Mode mode : TradeExecuted.Mode.values()) {
            Map<Side, Rate> sides = rates.get(mode);
            if (sides == null || sides.size() != Side.values().length) {
                throw new IllegalStateException("the fee schedule has no buyer and seller rate for " + mode);
            }
            this.rates.put(mode, new EnumMap<>(sides));
        }
        this.rounding = rounding;
    }

    /** The fee in fen one side pays on a trade of {@code valueFen}. */
    public long fee(TradeExecuted.Mode mode, Side side, long valueFen) {
        Rate rate = rates.get(mode).get(side);
        long scaled = Math.multiplyExact(valueFen, rate.basisPoints());
        long bias = rounding == Rounding.HALF_UP ? BASIS_POINTS / 2 : BASIS_POINTS - 1;
        return Math.max(Math.addExact(scaled, bias) / BASIS_POINTS, rate.minimumFen());
    }

    /**
     * The most fee one tonne traded at {@code price} can cost, however an order is split into trades: every tonne
     * a trade of its own pays the minimum or the rate with any fraction rounded up, and no coarser split of the
     * same tonnes pays more (the minimum applies per trade, a rounded-up rate is at least the exact one).
     */
    public long worstFeePerTonne(TradeExecuted.Mode mode, Side side, long price) {
        Rate rate = rates.get(mode).get(side);
        long roundedUp = Math.addExact(Math.multiplyExact(price, rate.basisPoints()), BASIS_POINTS - 1)
                / BASIS_POINTS;
        return Math.max(roundedUp, rate.minimumFen());
    }
}
