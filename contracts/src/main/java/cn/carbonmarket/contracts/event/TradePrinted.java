package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.Instant;

/**
 * A trade as the market sees it, without the parties: {@code quantity} whole tonnes of {@code instrument} at
 * {@code priceFen} per tonne. Keyed by instrument on {@code trading.market-data}. A {@code BLOCK} trade counts in
 * volume and turnover but does not move the last price or the day's open and close.
 */
public record TradePrinted(String tradeId, InstrumentCode instrument, long quantity, long priceFen,
                           TradeMode mode, Instant executedAt) {

    public static final EventType<TradePrinted> TYPE = new EventType<>("TradePrinted", 1, TradePrinted.class,
            Topics.TRADING_MARKET_DATA);
}
