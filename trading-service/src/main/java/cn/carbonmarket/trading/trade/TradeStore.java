package cn.carbonmarket.trading.trade;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The SQL of the trade table: every trade the exchange made, once by trade id. */
@ApplicationScoped
public class TradeStore {

    /**
     * Inserts the trades whose ids are not stored yet, in one statement for the batch; returns the ids it inserted.
     */
    public Uni<Set<String>> insertNew(SqlConnection conn, List<TradeExecuted> trades) {
        return conn.preparedQuery("insert into trade (trade_id, instrument, buyer_party_id, seller_party_id,"
                        + " quantity, price_fen, buyer_fee_fen, seller_fee_fen, mode, executed_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing returning trade_id")
                .executeBatch(trades.stream().map(TradeStore::row).toList())
                .map(TradeStore::ids);
    }

    /** The trades of every mode executed since {@code since}, oldest first. */
    public Uni<List<TradeExecuted>> since(SqlConnection conn, Instant since) {
        return conn.preparedQuery("select trade_id, instrument, buyer_party_id, seller_party_id, quantity, price_fen,"
                        + " buyer_fee_fen, seller_fee_fen, mode, executed_at from trade where executed_at >= $1"
                        + " order by executed_at, trade_id")
                .execute(Tuple.of(since.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<TradeExecuted> trades = new ArrayList<>();
                    rows.forEach(row -> trades.add(trade(row)));
                    return trades;
                });
    }

    private static Tuple row(TradeExecuted t) {
        return Tuple.from(List.of(t.tradeId(), t.instrument().toString(), t.buyerPartyId().value(),
                t.sellerPartyId().value(), t.quantity(), t.priceFen(), t.buyerFeeFen(), t.sellerFeeFen(),
                t.mode().name(), t.executedAt().atOffset(ZoneOffset.UTC)));
    }

    private static TradeExecuted trade(Row row) {
        return new TradeExecuted(row.getString("trade_id"), new PartyId(row.getUUID("buyer_party_id")),
                new PartyId(row.getUUID("seller_party_id")), InstrumentCode.parse(row.getString("instrument")),
                row.getLong("quantity"), row.getLong("price_fen"), row.getLong("buyer_fee_fen"),
                row.getLong("seller_fee_fen"), TradeMode.valueOf(row.getString("mode")),
                row.getOffsetDateTime("executed_at").toInstant());
    }

    /** The ids a batch insert returned: one result per trade, empty where the id was stored before. */
    private static Set<String> ids(RowSet<Row> inserted) {
        Set<String> ids = new HashSet<>();
        for (RowSet<Row> result = inserted; result != null; result = result.next()) {
            result.forEach(row -> ids.add(row.getString("trade_id")));
        }
        return ids;
    }
}
