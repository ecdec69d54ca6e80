package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.FeeSchedule;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.engine.Fill;
import java.time.Instant;

/**
 * The money of a trade by the published fee schedule: what a buy must set aside per tonne before it trades, and
 * the trade event with both sides' fees once it did. Settlement charges by the same schedule.
 */
public final class TradePricing {

    private final FeeSchedule fees;

    public TradePricing(FeeSchedule fees) {
        this.fees = fees;
    }

    /** What a continuous buy of one tonne at {@code price} reserves in fen: the price and the most fee it can cost. */
    public long buyPerTonne(long price) {
        return buyPerTonne(TradeMode.CONTINUOUS, price);
    }

    /**
     * What a buy of one tonne at {@code price} in {@code mode} reserves in fen: the price and the most fee a tonne
     * can cost however the order is split into trades (the schedule has a minimum per trade).
     */
    public long buyPerTonne(TradeMode mode, long price) {
        return Math.addExact(price, fees.worstFeePerTonne(mode, Side.BUY, price));
    }

    /** The trade event of a continuous-trading fill, with both sides' fees from the schedule. */
    public TradeExecuted trade(Fill fill) {
        return trade(fill.tradeId(), TradeMode.CONTINUOUS, fill.instrument(), fill.buyer(), fill.seller(),
                fill.quantity(), fill.price(), fill.at());
    }

    /** The trade event of a trade of any mode, with both sides' fees from the schedule for that mode. */
    public TradeExecuted trade(String tradeId, TradeMode mode, InstrumentCode instrument, PartyId buyer,
                               PartyId seller, long quantity, long price, Instant at) {
        long value = Math.multiplyExact(price, quantity);
        return new TradeExecuted(tradeId, buyer, seller, instrument, quantity, price,
                fees.fee(mode, Side.BUY, value), fees.fee(mode, Side.SELL, value), mode, at);
    }
}
