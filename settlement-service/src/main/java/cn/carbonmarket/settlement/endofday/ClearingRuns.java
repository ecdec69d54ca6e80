package cn.carbonmarket.settlement.endofday;

import cn.carbonmarket.contracts.event.DeliveryInstructions;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.settlement.clearing.ClearedTradeStore;
import cn.carbonmarket.settlement.clearing.NetPosition;
import cn.carbonmarket.settlement.clearing.Netting;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The end-of-day clearing run of a trade date: with the date locked against clearing, it nets the day's cleared
 * trades per party and instrument, and writes the run, its net positions and the registry's DeliveryInstructions
 * in one transaction. The run id is the date's, so starting it again returns the run made before; a crash before
 * the commit leaves nothing behind and the run is started anew.
 */
@ApplicationScoped
public class ClearingRuns {

    private final Pool pool;
    private final ClearingRunStore store;
    private final ClearedTradeStore trades;
    private final Outbox outbox;
    private final Clock clock;
    private final DeliveryMetrics metrics;

    public ClearingRuns(Pool pool, ClearingRunStore store, ClearedTradeStore trades, Outbox outbox, Clock clock,
                        DeliveryMetrics metrics) {
        this.pool = pool;
        this.store = store;
        this.trades = trades;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    public record Outcome(ClearingRunView run, boolean replayed) {
    }

    public static String runIdOf(LocalDate tradeDate) {
        return "EOD-" + tradeDate;
    }

    public Uni<Outcome> run(LocalDate tradeDate, String startedBy) {
        String runId = runIdOf(tradeDate);
        return pool.withTransaction(conn -> TradeDateLock.exclusive(conn, tradeDate)
                .chain(() -> store.find(conn, tradeDate))
                .flatMap(previous -> previous != null ? Uni.createFrom().item(new Outcome(previous, true))
                        : trades.ofDate(conn, tradeDate)
                                .map(cleared -> new Netted(cleared.size(),
                                        cleared.stream().mapToLong(t -> t.buyerFeeFen() + t.sellerFeeFen()).sum(),
                                        Netting.net(tradeDate, cleared)))
                                .flatMap(netted -> write(conn, runId, tradeDate, startedBy, netted))
                                .chain(() -> store.find(conn, tradeDate))
                                .map(made -> new Outcome(made, false))))
                .invoke(outcome -> {
                    if (!outcome.replayed() && outcome.run().delivery().state() == DeliveryState.PUBLISHED) {
                        metrics.entered(DeliveryState.PUBLISHED);
                    }
                });
    }

    public Uni<ClearingRunView> get(LocalDate tradeDate) {
        return pool.withConnection(conn -> store.find(conn, tradeDate))
                .onItem().ifNull().failWith(() -> new NotFoundException("CLEARING_RUN_NOT_FOUND",
                        "no clearing run for " + tradeDate));
    }

    /** The latest runs first (at most {@code limit}), all or those in one delivery state. */
    public Uni<List<ClearingRunView.Summary>> list(DeliveryState state, int limit) {
        return store.list(pool, state, limit);
    }

    private record Netted(long trades, long feesFen, List<NetPosition> positions) {
    }

    private Uni<Void> write(SqlConnection conn, String runId, LocalDate tradeDate, String startedBy, Netted netted) {
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        DeliveryInstructions instructions = RunInstructions.of(runId, tradeDate, netted.positions());
        boolean delivering = !instructions.deliveries().isEmpty();
        return store.insert(conn, runId, tradeDate, netted.trades(), netted.feesFen(), startedBy, now,
                        delivering ? DeliveryState.PUBLISHED : DeliveryState.NOTHING_TO_DELIVER,
                        delivering ? now : null, delivering ? 1 : 0)
                .chain(() -> store.insertPositions(conn, runId, netted.positions()))
                // A day without unit movements has nothing for the registry (it refuses an empty transaction).
                .chain(() -> !delivering ? Uni.createFrom().voidItem()
                        : outbox.publish(conn, DeliveryInstructions.TYPE, runId, instructions).replaceWithVoid());
    }
}
