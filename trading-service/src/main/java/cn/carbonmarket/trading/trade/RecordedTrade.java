package cn.carbonmarket.trading.trade;

import cn.carbonmarket.contracts.event.AbnormalTradingAlert;
import cn.carbonmarket.contracts.event.LargeTraderReported;
import cn.carbonmarket.contracts.event.TradeExecuted;
import java.util.Optional;

/** A trade to record once, with what surveillance saw in it at the time it was made. */
public record RecordedTrade(TradeExecuted trade, Optional<LargeTraderReported> largeTrader,
                            Optional<AbnormalTradingAlert> abnormal) {

    /** A trade found in the journal after a restart: surveillance did not see it live. */
    public static RecordedTrade replayed(TradeExecuted trade) {
        return new RecordedTrade(trade, Optional.empty(), Optional.empty());
    }
}
