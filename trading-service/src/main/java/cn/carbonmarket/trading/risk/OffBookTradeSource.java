package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.event.TradeExecuted;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * A source of trades made outside the books (accepted block offers, auction allocations), read from its own tables
 * when the risk view recovers. Such a trade commits with its offer's or auction's state change and is recorded in
 * the trade log after that commit; a stop in between leaves it committed but unrecorded, and recovery records it.
 */
public interface OffBookTradeSource {

    /** The trades whose offer or auction committed but which the trade log does not hold, priced by {@code book}. */
    Uni<List<TradeExecuted>> unrecorded(RiskBook book);
}
