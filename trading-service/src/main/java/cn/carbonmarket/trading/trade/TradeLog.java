package cn.carbonmarket.trading.trade;

import cn.carbonmarket.contracts.event.AbnormalTradingAlert;
import cn.carbonmarket.contracts.event.LargeTraderReported;
import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.trading.risk.BalanceChange;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
     * commit with it or not at all.
     */
    public Uni<List<TradeExecuted>> record(SqlConnection conn, List<RecordedTrade> trades) {
        return Multi.createFrom().iterable(trades)
                .onItem().transformToUniAndConcatenate(trade -> recordOne(conn, trade))
                .collect().asList()
                .map(recorded -> recorded.stream().flatMap(Optional::stream).toList());
    }

    /**
     * The block and auction trades recorded since {@code since}, oldest first. Continuous fills are left out: the
     * journal holds those.
     */
    public Uni<List<TradeExecuted>> offBookSince(Instant since) {
        return pool.preparedQuery("select trade_id, instrument, buyer_party_id, seller_party_id, quantity, price_fen,"
                        + " buyer_fee_fen, seller_fee_fen, mode, executed_at from trade where mode <> $1"
                        + " and executed_at >= $2 order by executed_at, trade_id")
                .execute(Tuple.of(TradeExecuted.Mode.CONTINUOUS.name(), since.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<TradeExecuted> trades = new ArrayList<>();
                    rows.forEach(row -> trades.add(new TradeExecuted(row.getString("trade_id"),
                            new PartyId(row.getUUID("buyer_party_id")), new PartyId(row.getUUID("seller_party_id")),
                            InstrumentCode.parse(row.getString("instrument")), row.getLong("quantity"),
                            row.getLong("price_fen"), row.getLong("buyer_fee_fen"), row.getLong("seller_fee_fen"),
                            TradeExecuted.Mode.valueOf(row.getString("mode")),
                            row.getOffsetDateTime("executed_at").toInstant())));
                    return trades;
                });
    }

    private Uni<Optional<TradeExecuted>> recordOne(SqlConnection conn, RecordedTrade recorded) {
        TradeExecuted t = recorded.trade();
        return conn.preparedQuery("insert into trade (trade_id, instrument, buyer_party_id, seller_party_id,"
                        + " quantity, price_fen, buyer_fee_fen, seller_fee_fen, mode, executed_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing")
                .execute(Tuple.from(List.of(t.tradeId(), t.instrument().toString(), t.buyerPartyId().value(),
                        t.sellerPartyId().value(), t.quantity(), t.priceFen(), t.buyerFeeFen(), t.sellerFeeFen(),
                        t.mode().name(), t.executedAt().atOffset(ZoneOffset.UTC))))
                .flatMap(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(Optional.<TradeExecuted>empty())
                        : changes(conn, t).chain(() -> events(conn, recorded)).replaceWith(Optional.of(t)));
    }

    private static Uni<Void> changes(SqlConnection conn, TradeExecuted trade) {
        List<Tuple> rows = new ArrayList<>();
        BalanceChange.of(trade).forEach(c -> rows.add(Tuple.of(c.party().value(), c.entryId(), c.asset(),
                c.delta())));
        // A self-trade changes the same asset twice under one entry: the changes add up.
        return conn.preparedQuery("insert into risk_delta (party_id, entry_id, asset, delta) values ($1, $2, $3, $4)"
                        + " on conflict (party_id, entry_id, asset) do update set delta = risk_delta.delta"
                        + " + excluded.delta")
                .executeBatch(rows).replaceWithVoid();
    }

    private Uni<Void> events(SqlConnection conn, RecordedTrade recorded) {
        TradeExecuted trade = recorded.trade();
        Uni<?> written = outbox.publish(conn, TradeExecuted.TYPE, trade.instrument().toString(), trade);
        if (recorded.largeTrader().isPresent()) {
            LargeTraderReported report = recorded.largeTrader().get();
            written = written.chain(() -> outbox.publish(conn, LargeTraderReported.TYPE, report.partyId().toString(),
                    report));
        }
        if (recorded.abnormal().isPresent()) {
            AbnormalTradingAlert alert = recorded.abnormal().get();
            written = written.chain(() -> outbox.publish(conn, AbnormalTradingAlert.TYPE, alert.partyId().toString(),
                    alert));
        }
        return written.replaceWithVoid();
    }
}
