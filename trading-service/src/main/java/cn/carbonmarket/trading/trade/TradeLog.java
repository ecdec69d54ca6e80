package cn.carbonmarket.trading.trade;

import cn.carbonmarket.contracts.event.AbnormalTradingAlert;
import cn.carbonmarket.contracts.event.LargeTraderReported;
import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.trading.risk.BalanceChange;
import cn.carbonmarket.trading.risk.RiskStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every trade exactly once, by trade id: the row, the balance changes pre-trade risk keeps until
 * settlement reports them, and the {@code TradeExecuted} event (with any surveillance events) in the outbox, all in
 * one transaction. A trade id already recorded changes nothing, so a fill journaled before a crash whose event was
 * not yet written is recorded when the journal is replayed, and one that was is not recorded twice.
 */
@ApplicationScoped
public class TradeLog {

    private final Pool pool;
    private final TradeStore store;
    private final RiskStore risk;
    private final Outbox outbox;

    public TradeLog(Pool pool, TradeStore store, RiskStore risk, Outbox outbox) {
        this.pool = pool;
        this.store = store;
        this.risk = risk;
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
        return store.insertNew(conn, trades.stream().map(RecordedTrade::trade).toList())
                .flatMap(inserted -> {
                    // remove, not contains: a trade id given twice is recorded once
                    List<RecordedTrade> fresh = trades.stream()
                            .filter(recorded -> inserted.remove(recorded.trade().tradeId())).toList();
                    return fresh.isEmpty() ? Uni.createFrom().item(List.<TradeExecuted>of())
                            : risk.traded(conn, changes(fresh)).chain(() -> events(conn, fresh))
                                    .replaceWith(() -> fresh.stream().map(RecordedTrade::trade).toList());
                });
    }

    /**
     * The trades recorded since {@code since}, oldest first: continuous fills of days the journal no longer replays
     * (it restarts after each end of day) as well as block and auction trades, which it never held.
     */
    public Uni<List<TradeExecuted>> since(Instant since) {
        return pool.withConnection(conn -> store.since(conn, since));
    }

    private static List<BalanceChange> changes(List<RecordedTrade> trades) {
        return trades.stream().flatMap(recorded -> BalanceChange.of(recorded.trade()).stream()).toList();
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
