package cn.carbonmarket.trading.trade;

import cn.carbonmarket.contracts.event.AbnormalTradingAlert;
import cn.carbonmarket.contracts.event.LargeTraderReported;
import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.trading.risk.BalanceChange;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
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

/**
 * Records every trade exactly once, by trade id: the row, the balance changes pre-trade risk keeps until
 * settlement reports them, and the {@code TradeExecuted} event (with any surveillance events) in the outbox, all in
 * one transaction. A trade id already recorded changes nothing, so a fill journaled before a crash whose event was
 * not yet written is recorded when the journal is replayed, and one that was is not recorded twice.
 */
@ApplicationScoped
public class TradeLog {

    private final Pool pool;
    private final Outbox outbox;

    public TradeLog(Pool pool, Outbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /** Records the trades not recorded yet, in order; returns those it recorded now. */
    public Uni<List<TradeExecuted>> record(List<RecordedTrade> trades) {
        if (trades.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.withTransaction(conn -> record(conn, trades));
    }

    /**
     * The same inside the caller's transaction on {@code conn}, for a state change that makes the trades: they
     * commit with it or not at all. A statement per kind of row, not per trade: group-committed batches carry
     * hundreds of trades.
     */
    public Uni<List<TradeExecuted>> record(SqlConnection conn, List<RecordedTrade> trades) {
        if (trades.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return conn.preparedQuery("insert into trade (trade_id, instrument, buyer_party_id, seller_party_id,"
                        + " quantity, price_fen, buyer_fee_fen, seller_fee_fen, mode, executed_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing returning trade_id")
                .executeBatch(trades.stream().map(recorded -> row(recorded.trade())).toList())
                .flatMap(inserted -> {
                    List<RecordedTrade> fresh = fresh(trades, inserted);
                    return fresh.isEmpty() ? Uni.createFrom().item(List.<TradeExecuted>of())
                            : changes(conn, fresh).chain(() -> events(conn, fresh))
                                    .replaceWith(() -> fresh.stream().map(RecordedTrade::trade).toList());
                });
    }

    /**
     * The block and auction trades recorded since {@code since}, oldest first. Continuous fills are left out: the
     * journal holds those.
     */
    public Uni<List<TradeExecuted>> offBookSince(Instant since) {
        return pool.preparedQuery("select trade_id, instrument, buyer_party_id, seller_party_id, quantity, price_fen,"
                        + " buyer_fee_fen, seller_fee_fen, mode, executed_at from trade where mode <> $1"
                        + " and executed_at >= $2 order by executed_at, trade_id")
                .execute(Tuple.of(TradeMode.CONTINUOUS.name(), since.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<TradeExecuted> trades = new ArrayList<>();
                    rows.forEach(row -> trades.add(new TradeExecuted(row.getString("trade_id"),
                            new PartyId(row.getUUID("buyer_party_id")), new PartyId(row.getUUID("seller_party_id")),
                            InstrumentCode.parse(row.getString("instrument")), row.getLong("quantity"),
                            row.getLong("price_fen"), row.getLong("buyer_fee_fen"), row.getLong("seller_fee_fen"),
                            TradeMode.valueOf(row.getString("mode")),
                            row.getOffsetDateTime("executed_at").toInstant())));
                    return trades;
                });
    }

    private static Tuple row(TradeExecuted t) {
        return Tuple.from(List.of(t.tradeId(), t.instrument().toString(), t.buyerPartyId().value(),
                t.sellerPartyId().value(), t.quantity(), t.priceFen(), t.buyerFeeFen(), t.sellerFeeFen(),
                t.mode().name(), t.executedAt().atOffset(ZoneOffset.UTC)));
    }

    /** The trades whose rows the batch inserted (one result per trade, empty where the id was recorded before). */
    private static List<RecordedTrade> fresh(List<RecordedTrade> trades, RowSet<Row> inserted) {
        Set<String> ids = new HashSet<>();
        for (RowSet<Row> result = inserted; result != null; result = result.next()) {
            result.forEach(row -> ids.add(row.getString("trade_id")));
        }
        // remove, not contains: a trade id given twice is recorded once
        return trades.stream().filter(recorded -> ids.remove(recorded.trade().tradeId())).toList();
    }

    private static Uni<Void> changes(SqlConnection conn, List<RecordedTrade> trades) {
        List<Tuple> rows = new ArrayList<>();
        trades.forEach(recorded -> BalanceChange.of(recorded.trade()).forEach(c -> rows.add(
                Tuple.of(c.party().value(), c.entryId(), c.asset(), c.delta()))));
        // A self-trade changes the same asset twice under one entry: the changes add up.
        return conn.preparedQuery("insert into risk_delta (party_id, entry_id, asset, delta) values ($1, $2, $3, $4)"
                        + " on conflict (party_id, entry_id, asset) do update set delta = risk_delta.delta"
                        + " + excluded.delta")
                .executeBatch(rows).replaceWithVoid();
    }

    private Uni<Void> events(SqlConnection conn, List<RecordedTrade> trades) {
        List<Outbox.Keyed<TradeExecuted>> executed = new ArrayList<>();
        List<Outbox.Keyed<LargeTraderReported>> large = new ArrayList<>();
        List<Outbox.Keyed<AbnormalTradingAlert>> abnormal = new ArrayList<>();
        for (RecordedTrade recorded : trades) {
            executed.add(new Outbox.Keyed<>(recorded.trade().instrument().toString(), recorded.trade()));
            recorded.largeTrader().ifPresent(r -> large.add(new Outbox.Keyed<>(r.partyId().toString(), r)));
            recorded.abnormal().ifPresent(a -> abnormal.add(new Outbox.Keyed<>(a.partyId().toString(), a)));
        }
        Uni<Void> written = outbox.publishAll(conn, TradeExecuted.TYPE, executed);
        if (!large.isEmpty()) {
            written = written.chain(() -> outbox.publishAll(conn, LargeTraderReported.TYPE, large));
        }
        if (!abnormal.isEmpty()) {
            written = written.chain(() -> outbox.publishAll(conn, AbnormalTradingAlert.TYPE, abnormal));
        }
        return written;
    }
}
