package cn.carbonmarket.trading.auction;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.trading.risk.OffBookTradeSource;
import cn.carbonmarket.trading.risk.TradePricing;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Allocations of cleared auctions whose trade is not in the trade log: a stop came between the close's commit and
 * the recording (see {@link AuctionHouse#close}). Plain SQL, not Panache: the risk view recovers on start, outside
 * any request's reactive session.
 */
@ApplicationScoped
class ClearedAuctions implements OffBookTradeSource {

    private final Pool pool;

    ClearedAuctions(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<TradeExecuted>> unrecorded(TradePricing pricing) {
        return pool.query("select a.seller, a.instrument, a.clearing_fen, a.closed_at, b.bidder, b.allocated,"
                        + " b.trade_id from auction_bid b join auction a on a.id = b.auction_id"
                        + " where a.state = 'CLEARED' and b.allocated > 0"
                        + " and not exists (select 1 from trade t where t.trade_id = b.trade_id) order by b.id")
                .execute()
                .map(rows -> {
                    List<TradeExecuted> trades = new ArrayList<>();
                    rows.forEach(row -> trades.add(allocation(row).trade(cleared(row)).priced(pricing)));
                    return trades;
                });
    }

    private static Auction cleared(Row row) {
        Auction auction = new Auction();
        auction.seller = row.getUUID("seller");
        auction.instrument = row.getString("instrument");
        auction.state = Auction.State.CLEARED;
        auction.clearingPrice = row.getLong("clearing_fen");
        auction.closedAt = row.getOffsetDateTime("closed_at").toInstant();
        return auction;
    }

    private static AuctionBid allocation(Row row) {
        AuctionBid bid = new AuctionBid();
        bid.bidder = row.getUUID("bidder");
        bid.allocated = row.getLong("allocated");
        bid.tradeId = row.getString("trade_id");
        return bid;
    }
}
