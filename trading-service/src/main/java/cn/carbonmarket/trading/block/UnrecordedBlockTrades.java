package cn.carbonmarket.trading.block;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.trading.orderbook.Side;
import cn.carbonmarket.trading.risk.OffBookTradeSource;
import cn.carbonmarket.trading.risk.RiskBook;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepted block offers whose trade is not in the trade log: a stop came between the acceptance's commit and the
 * recording (see {@link OffBookLedger}). Plain SQL, not Panache: the risk view recovers on start, outside any
 * request's reactive session.
 */
@ApplicationScoped
class UnrecordedBlockTrades implements OffBookTradeSource {

    private final Pool pool;

    UnrecordedBlockTrades(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<TradeExecuted>> unrecorded(RiskBook book) {
        return pool.query("select o.poster, o.instrument, o.side, o.quantity, o.price_fen, o.closed_at,"
                        + " o.accepted_by, o.trade_id from block_offer o where o.state = 'ACCEPTED'"
                        + " and not exists (select 1 from trade t where t.trade_id = o.trade_id) order by o.id")
                .execute()
                .map(rows -> {
                    List<TradeExecuted> trades = new ArrayList<>();
                    rows.forEach(row -> trades.add(accepted(row).trade().priced(book)));
                    return trades;
                });
    }

    private static BlockOffer accepted(Row row) {
        BlockOffer offer = new BlockOffer();
        offer.poster = row.getUUID("poster");
        offer.instrument = row.getString("instrument");
        offer.side = Side.valueOf(row.getString("side"));
        offer.quantity = row.getLong("quantity");
        offer.price = row.getLong("price_fen");
        offer.closedAt = row.getOffsetDateTime("closed_at").toInstant();
        offer.acceptedBy = row.getUUID("accepted_by");
        offer.tradeId = row.getString("trade_id");
        offer.state = BlockOffer.State.ACCEPTED;
        return offer;
    }
}
