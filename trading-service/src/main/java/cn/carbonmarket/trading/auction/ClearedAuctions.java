package cn.carbonmarket.trading.auction;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.trading.risk.OffBookTradeSource;
import cn.carbonmarket.trading.risk.TradePricing;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Allocations of cleared auctions whose trade is not in the trade log, priced for the risk view that recovers on
 * start: a stop came between the close's commit and the recording (see {@link AuctionHouse#close}).
 */
@ApplicationScoped
class ClearedAuctions implements OffBookTradeSource {

    private final Pool pool;

    ClearedAuctions(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<TradeExecuted>> unrecorded(TradePricing pricing) {
        return Auction.unrecordedAllocations(pool)
                .map(trades -> trades.stream().map(trade -> trade.priced(pricing)).toList());
    }
}
