package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.event.TradeExecuted;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * A source of trades made outside the books whose recording follows the commit of the state change that made them
 * (an auction's close and its allocations), read from its own tables when the risk view recovers: a stop between
 * the commit and the recording leaves such a trade made but unrecorded, and recovery records it.
 */
public interface OffBookTradeSource {

    /** The trades whose state change committed but which the trade log does not hold, priced by {@code pricing}. */
    Uni<List<TradeExecuted>> unrecorded(TradePricing pricing);
}
