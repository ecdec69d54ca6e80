package cn.carbonmarket.trading.order;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.engine.Command;
import cn.carbonmarket.trading.engine.DayClose;
import cn.carbonmarket.trading.engine.InstrumentEngine;
import cn.carbonmarket.trading.journal.JournalSnapshot;
import cn.carbonmarket.trading.journal.SnapshotStore;
import cn.carbonmarket.trading.leadership.Leadership;
import cn.carbonmarket.trading.leadership.NotLeading;
import cn.carbonmarket.trading.risk.PreTradeRisk;
import cn.carbonmarket.trading.trade.TradeRecording;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The end of the exchange's trading days: a journaled {@link Command.EndOfDay} on each desk's thread once the market
 * clock has passed the close of its engine's day. It runs on a schedule (so that the accelerated demo clock rolls
 * days as the wall clock does; without orders arriving, nothing else would notice that the close has passed), right
 * after recovery, and (unless switched off) before any command that arrives later.
 */
@ApplicationScoped
public class DayRollover {

    private static final Logger LOG = Logger.getLogger(DayRollover.class);

    private final ExchangeDesks desks;
    private final DayOrders dayOrders;
    private final SnapshotStore snapshots;
    private final Pool pool;
    private final DayCloseReport closes;
    private final PreTradeRisk risk;
    private final TradeRecording recording;
    private final Leadership leadership;
    private final Clock clock;
    private final RolloverConfig config;

    public DayRollover(ExchangeDesks desks, DayOrders dayOrders, SnapshotStore snapshots, Pool pool,
                       DayCloseReport closes, PreTradeRisk risk, TradeRecording recording, Leadership leadership,
                       Clock clock, RolloverConfig config) {
        this.desks = desks;
        this.dayOrders = dayOrders;
        this.snapshots = snapshots;
        this.pool = pool;
        this.closes = closes;
        this.risk = risk;
        this.recording = recording;
        this.leadership = leadership;
        this.clock = clock;
        this.config = config;
    }

    // On the leader only (a standby's engines roll by the END_OF_DAY records they follow), and so not once the
    // service is stopping: its database pool closes first, and every run of the shutdown would log a failure.
    @Scheduled(every = "${market.trading.rollover.check-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = NotLeading.class)
    Uni<Void> run() {
        return Uni.createFrom().completionStage(this::rollOver).replaceWithVoid();
    }

    /**
     * Ends the trading day of every engine whose day the market clock has passed (see {@link #rollIfDue});
     * completes with what each roll did once its snapshots are stored.
     */
    public CompletableFuture<List<DayClose>> rollOver() {
        List<CompletableFuture<Optional<DayClose>>> rolls = desks.all().entrySet().stream()
                .map(entry -> entry.getValue().submit(engine -> rollIfDue(entry.getKey(), engine))
                        .thenCompose(Function.identity()))
                .toList();
        return CompletableFuture.allOf(rolls.toArray(CompletableFuture[]::new))
                .thenApply(done -> rolls.stream().flatMap(roll -> roll.join().stream()).toList());
    }

    /** On the desk's thread, before a command: ends the engine's day first if it is due and that is switched on. */
    void rollBeforeCommand(InstrumentCode instrument, InstrumentEngine engine) {
        if (config.beforeCommands()) {
            rollIfDue(instrument, engine);
        }
    }

    /**
     * On the desk's thread: if the market clock has passed the close of the engine's trading day, journals and
     * applies its {@link Command.EndOfDay}: open orders expire and release their reservations, surveillance follows
     * the new previous close, the day's orders and client order ids are forgotten. Once the broker acknowledged the
     * record and the day's trades are recorded, a snapshot marks where a restart replays from. Nothing is due twice
     * for a day, so a second call changes nothing.
     */
    private CompletableFuture<Optional<DayClose>> rollIfDue(InstrumentCode instrument, InstrumentEngine engine) {
        Optional<Command.EndOfDay> due = engine.endOfDayDue(clock.instant());
        if (due.isEmpty() || desks.isBroken(instrument) || !leadership.holding()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Command.EndOfDay end = due.get();
        DayClose closed = engine.closeDay(end);
        risk.dayClosed(closed, engine);
        dayOrders.forget(closed);
        closes.closed(closed);
        long lastOrder = dayOrders.lastOrderId();
        long fillSequence = engine.fillSequence();
        CompletableFuture<?> tradesBefore = recording.recorded(instrument);
        return desks.journaled(instrument, end)
                .thenCombine(tradesBefore, (position, ignored) -> new JournalSnapshot(instrument, end.opens(),
                        closed.close(), lastOrder, fillSequence, position))
                .thenCompose(taken -> pool.withConnection(conn -> snapshots.save(conn, taken, end.at()))
                        .subscribeAsCompletionStage())
                .handle((saved, failure) -> {
                    if (failure != null) {
                        // The journal holds the end of day; a restart replays it from the previous snapshot.
                        LOG.warnf(failure, "no snapshot of %s after the end of %s", instrument, end.closes());
                    }
                    return Optional.of(closed);
                });
    }
}
