package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.event.TradeExecuted;
import java.util.OptionalLong;

/** A fill as settlement will hear of it, and the buyer's holding after it if that crossed the large-trader line. */
public record FilledTrade(TradeExecuted trade, OptionalLong largeTraderHolding) {
}
