package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.Instant;

/**
 * The exchange matched a trade: {@code quantity} whole tonnes of {@code instrument} at {@code priceFen} per tonne,
 * from seller to buyer, with the fee trading charged each side (fen) under the published
 * {@link cn.carbonmarket.contracts.trade.FeeSchedule}. Keyed by instrument on {@code trading.trades}.
 * Settlement clears each trade id once (delivery versus payment).
 */
public record TradeExecuted(String tradeId, PartyId buyerPartyId, PartyId sellerPartyId, InstrumentCode instrument,
                            long quantity, long priceFen, long buyerFeeFen, long sellerFeeFen, TradeMode mode,
                            Instant executedAt) {

    public static final EventType<TradeExecuted> TYPE = new EventType<>("TradeExecuted", 1, TradeExecuted.class,
            Topics.TRADING_TRADES);
}
