package cn.carbonmarket.trading.order;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import cn.carbonmarket.trading.engine.BookDepth;
import cn.carbonmarket.trading.engine.Command;
import cn.carbonmarket.trading.engine.DayClose;
import cn.carbonmarket.trading.engine.DayOpening;
import cn.carbonmarket.trading.engine.Fill;
import cn.carbonmarket.trading.engine.FillListener;
import cn.carbonmarket.trading.engine.InstrumentDesk;
import cn.carbonmarket.trading.engine.InstrumentEngine;
import cn.carbonmarket.trading.engine.OrderView;
import cn.carbonmarket.trading.engine.Refusal;
import cn.carbonmarket.trading.journal.JournalPosition;
import cn.carbonmarket.trading.journal.JournalReader;
import cn.carbonmarket.trading.journal.JournalRecord;
import cn.carbonmarket.trading.journal.JournalSnapshot;
import cn.carbonmarket.trading.journal.OrderJournal;
import cn.carbonmarket.trading.journal.SnapshotStore;
import cn.carbonmarket.trading.risk.PreTradeRisk;
import cn.carbonmarket.trading.rules.ListingRules;
import cn.carbonmarket.trading.rules.TradingRulePack;
import cn.carbonmarket.trading.trade.RecordedTrade;
import cn.carbonmarket.trading.trade.TradeRecording;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The exchange around its engines: one {@link InstrumentDesk} per listed instrument, order ids, client order ids,
 * and the journal. A command is checked and applied on its instrument's desk thread and journaled from there in
 * the same order; the caller's answer waits for the broker's acknowledgement. On start every engine is rebuilt
 * from its latest snapshot and the journal after it before any request is served.
 *
 * <p>Trading days end by a journaled {@link Command.EndOfDay} on the desk thread, once the market clock has passed
 * the close of the engine's day: on a schedule, right after the start, and (unless switched off) before any command
 * that arrives later. Orders, client order ids and fills in memory are the current trading day's: an order of an
 * earlier day is no longer found here (its trades stay in the trade log) and its client order id is free again.
 */
@ApplicationScoped
public class Exchange {

    private static final Logger LOG = Logger.getLogger(Exchange.class);
    private static final Duration STARTUP = Duration.ofMinutes(2);

    /** A participant's order id of its own, with the request it came with. */
    private record ClientOrder(PartyId party, String clientOrderId) {
    }

    private record Pending(OrderRequest request, CompletableFuture<OrderView> order) {
    }

    /** The answer to an order: the order, and whether it is the first of its client order id. */
    public record Placed(OrderView order, boolean created) {
    }

    /** Engines rebuilt from the snapshots and the journal, and how many journal records that took. */
    public record Rebuild(Map<InstrumentCode, InstrumentEngine> engines, long records) {
    }

    private final OrderJournal journal;
    private final JournalReader reader;
    private final SnapshotStore snapshots;
    private final DayCloseReport closes;
    private final boolean rollBeforeCommands;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<InstrumentCode, InstrumentDesk> desks = new LinkedHashMap<>();
    private final Map<InstrumentCode, Boolean> broken = new ConcurrentHashMap<>();
    private final Map<Long, InstrumentCode> instrumentOf = new ConcurrentHashMap<>();
    private final Map<ClientOrder, Pending> clientOrders = new ConcurrentHashMap<>();
    private final AtomicLong lastOrderId = new AtomicLong();
    private final FillListener fills;
    private final PreTradeRisk risk;
    private final TradeRecording recording;
    private volatile boolean live;

    public Exchange(OrderJournal journal, JournalReader reader, SnapshotStore snapshots, DayCloseReport closes,
                    @ConfigProperty(name = "market.trading.rollover.before-commands") boolean rollBeforeCommands,
                    Clock clock, ObjectMapper json, @All List<FillListener> listeners, PreTradeRisk risk,
                    TradeRecording recording) {
        this.journal = journal;
        this.reader = reader;
        this.snapshots = snapshots;
        this.closes = closes;
        this.rollBeforeCommands = rollBeforeCommands;
        this.clock = clock;
        this.json = json;
        this.risk = risk;
        this.recording = recording;
        // Fills replayed from the journal were announced before the restart; only new ones go to the listener.
        this.fills = fill -> {
            if (live) {
                listeners.forEach(listener -> listener.filled(fill));
            }
        };
    }

    void start(@Observes StartupEvent event) {
        Map<InstrumentCode, JournalSnapshot> latest = snapshots.latest().await().atMost(STARTUP);
        Map<InstrumentCode, InstrumentEngine> engines = freshEngines(latest, fills);
        long replayed = replay(engines, latest, true);
        risk.recover(engines);
        engines.forEach((code, engine) -> desks.put(code, new InstrumentDesk(engine)));
        live = true;
        LOG.infof("rebuilt %d order books from %d snapshots and %d journal records on %s", desks.size(),
                latest.size(), replayed, reader.topic());
        // The journal's last trading day may have closed while the service was down. The desks run it before any
        // command submitted after it, so nothing needs to wait for it here.
        rollOver().whenComplete((closed, failure) -> {
            if (failure != null) {
                LOG.error("the end of day due at the start failed", failure);
            }
        });
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        for (InstrumentDesk desk : desks.values()) {
            desk.close();
        }
    }

    /** Engines opening each instrument's latest snapshot, or its listed reference price when it has none. */
    private Map<InstrumentCode, InstrumentEngine> freshEngines(Map<InstrumentCode, JournalSnapshot> latest,
                                                               FillListener listener) {
        TradingRulePack pack = TradingRulePack.load(json);
        TradingCalendar calendar = TradingCalendar.load(json);
        Map<InstrumentCode, InstrumentEngine> engines = new LinkedHashMap<>();
        for (ListedInstrument listed : ListedInstrument.load(json)) {
            Jurisdiction jurisdiction = listed.code().product().jurisdiction();
            ListingRules rules = pack.listing(jurisdiction).orElseThrow(() -> new IllegalStateException(
                    listed.code() + " is listed but " + jurisdiction + " has no listing rules"));
            DayOpening opening = Optional.ofNullable(latest.get(listed.code())).map(JournalSnapshot::opening)
                    .orElse(DayOpening.listed(listed.previousClose()));
            engines.put(listed.code(), new InstrumentEngine(listed.code(), rules, calendar, opening, listener));
        }
        return engines;
    }

    /**
     * Applies to {@code engines} the journal after their snapshots; with {@code restore} also restores order ids
     * and client order ids. Returns how many records it applied.
     */
    private long replay(Map<InstrumentCode, InstrumentEngine> engines, Map<InstrumentCode, JournalSnapshot> latest,
                        boolean restore) {
        Map<Integer, Long> from = new HashMap<>();
        // An instrument without a snapshot may share any partition: then every partition is read from its start.
        if (latest.keySet().containsAll(engines.keySet())) {
            latest.values().forEach(snapshot -> from.merge(snapshot.position().partition(),
                    snapshot.position().offset() + 1, Math::min));
        }
        if (restore) {
            latest.values().forEach(snapshot -> lastOrderId.accumulateAndGet(snapshot.lastOrderId(), Math::max));
        }
        AtomicLong applied = new AtomicLong();
        reader.read(from, (position, record) -> {
            InstrumentEngine engine = engines.get(record.instrumentCode());
            if (engine == null) {
                throw new IllegalStateException("the journal holds " + record.instrument()
                        + ", which is no longer listed");
            }
            JournalSnapshot snapshot = latest.get(record.instrumentCode());
            if (snapshot != null && snapshot.covers(position)) {
                return;
            }
            applied.incrementAndGet();
            Command command = record.command();
            if (command instanceof Command.EndOfDay end) {
                DayClose closed = engine.closeDay(end);
                if (restore) {
                    forget(closed);
                }
                return;
            }
            OrderView order = engine.apply(command);
            if (restore && record.type() != JournalRecord.Type.CANCEL && order != null) {
                lastOrderId.accumulateAndGet(order.orderId(), Math::max);
                instrumentOf.put(order.orderId(), order.instrument());
                OrderRequest request = new OrderRequest(order.clientOrderId(), order.instrument(), order.side(),
                        order.price(), order.level(), order.quantity());
                clientOrders.put(new ClientOrder(order.party(), order.clientOrderId()),
                        new Pending(request, CompletableFuture.completedFuture(order)));
            }
        });
        engines.values().forEach(engine -> engine.assumeDayAt(clock.instant()));
        return applied.get();
    }

    /** Fresh engines rebuilt from the snapshots and the journal as they stand now: what a restart would serve. */
    public Rebuild rebuildFromJournal() {
        Map<InstrumentCode, JournalSnapshot> latest = snapshots.latest().await().atMost(STARTUP);
        Map<InstrumentCode, InstrumentEngine> engines = freshEngines(latest, fill -> { });
        return new Rebuild(engines, replay(engines, latest, false));
    }

    /**
     * Ends the trading day of every engine whose day the market clock has passed (see {@link #rollIfDue});
     * completes with what each roll did once its snapshots are stored.
     */
    public CompletableFuture<List<DayClose>> rollOver() {
        List<CompletableFuture<Optional<DayClose>>> rolls = desks.entrySet().stream()
                .map(entry -> entry.getValue().submit(engine -> rollIfDue(entry.getKey(), engine))
                        .thenCompose(Function.identity()))
                .toList();
        return CompletableFuture.allOf(rolls.toArray(CompletableFuture[]::new))
                .thenApply(done -> rolls.stream().flatMap(roll -> roll.join().stream()).toList());
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
        if (due.isEmpty() || broken.containsKey(instrument)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Command.EndOfDay end = due.get();
        DayClose closed = engine.closeDay(end);
        risk.dayClosed(closed, engine);
        forget(closed);
        closes.closed(closed);
        long lastOrder = lastOrderId.get();
        long fillSequence = engine.fillSequence();
        CompletableFuture<?> tradesBefore = recording.recorded(instrument);
        return journaled(instrument, end)
                .thenCombine(tradesBefore, (position, ignored) -> new JournalSnapshot(instrument, end.opens(),
                        closed.close(), lastOrder, fillSequence, position))
                .thenCompose(taken -> snapshots.save(taken, end.at()).subscribeAsCompletionStage())
                .handle((saved, failure) -> {
                    if (failure != null) {
                        // The journal holds the end of day; a restart replays it from the previous snapshot.
                        LOG.warnf(failure, "no snapshot of %s after the end of %s", instrument, end.closes());
                    }
                    return Optional.of(closed);
                });
    }

    /** The closed day's orders leave memory: their ids are not found any more, their client order ids are free. */
    private void forget(DayClose closed) {
        for (OrderView order : closed.orders()) {
            instrumentOf.remove(order.orderId());
            clientOrders.computeIfPresent(new ClientOrder(order.party(), order.clientOrderId()),
                    (key, pending) -> pending.order().isDone() && !pending.order().isCompletedExceptionally()
                            && pending.order().join().orderId() == order.orderId() ? null : pending);
        }
    }

    public List<InstrumentCode> instruments() {
        return List.copyOf(desks.keySet());
    }

    /**
     * Places an order for {@code party}. The same client order id again answers with the first order as it
     * stands now; with a different request it is a conflict.
     */
    public Uni<Placed> place(PartyId party, OrderRequest request) {
        InstrumentDesk desk = desk(request.instrument());
        ClientOrder key = new ClientOrder(party, request.clientOrderId());
        Pending mine = new Pending(request, new CompletableFuture<>());
        Pending first = clientOrders.putIfAbsent(key, mine);
        if (first != null) {
            if (!first.request().equals(request)) {
                return Uni.createFrom().failure(new ConflictException("CLIENT_ORDER_ID_REUSED", "client order id "
                        + request.clientOrderId() + " was used for a different order"));
            }
            // An order its trading day's end dropped from memory is answered as it was last seen.
            return uni(first.order().thenCompose(order -> desk(order.instrument())
                    .submit(engine -> engine.order(order.orderId()).orElse(order))))
                    .map(order -> new Placed(order, false));
        }
        CompletableFuture<OrderView> placed = execute(desk, request.instrument(), engine -> {
            long id = lastOrderId.incrementAndGet();
            return request.isTake()
                    ? new Command.TakeAtLevel(id, party, request.clientOrderId(), request.side(), request.level(),
                            request.quantity(), clock.instant())
                    : new Command.PlaceLimit(id, party, request.clientOrderId(), request.side(), request.price(),
                            request.quantity(), clock.instant());
        });
        placed.whenComplete((order, failure) -> {
            if (failure != null) {
                // A refused order leaves its client order id free for a corrected one.
                clientOrders.remove(key, mine);
                mine.order().completeExceptionally(failure);
            } else {
                mine.order().complete(order);
            }
        });
        return uni(placed).map(order -> new Placed(order, true));
    }

    /** Cancels the open remainder of one of {@code party}'s orders; another party's order is not found. */
    public Uni<OrderView> cancel(PartyId party, long orderId) {
        InstrumentCode instrument = instrumentOf.get(orderId);
        if (instrument == null) {
            return Uni.createFrom().failure(notFound(orderId));
        }
        return uni(execute(desk(instrument), instrument, engine -> {
            if (engine.order(orderId).filter(o -> o.party().equals(party)).isEmpty()) {
                throw notFound(orderId);
            }
            return new Command.Cancel(orderId, clock.instant());
        }));
    }

    public Uni<Void> halt(InstrumentCode instrument, String operator) {
        return uni(execute(desk(instrument), instrument, e -> new Command.Halt(operator, clock.instant())))
                .replaceWithVoid();
    }

    public Uni<Void> resume(InstrumentCode instrument, String operator) {
        return uni(execute(desk(instrument), instrument, e -> new Command.Resume(operator, clock.instant())))
                .replaceWithVoid();
    }

    /**
     * On the desk's thread: builds the command, checks it against the rules and pre-trade risk (which reserves what
     * an order needs), applies it and journals it, in that order, so the journal's order is the engine's.
     * Completes with the command's order once the broker acknowledged it (see {@link #record} for its trades).
     */
    private CompletableFuture<OrderView> execute(InstrumentDesk desk, InstrumentCode instrument,
                                                 Function<InstrumentEngine, Command> command) {
        return desk.submit(engine -> {
            if (broken.containsKey(instrument)) {
                throw new JournalUnavailableException("the journal lost a command of " + instrument
                        + "; it takes commands again once the service has restarted");
            }
            if (rollBeforeCommands) {
                rollIfDue(instrument, engine);
            }
            Command next = command.apply(engine);
            engine.check(next).or(() -> risk.reserve(next, engine)).ifPresent(refusal -> {
                throw refused(refusal);
            });
            int fillsBefore = engine.fillCount();
            OrderView order = engine.apply(next);
            if (order != null) {
                instrumentOf.put(order.orderId(), instrument);
            }
            List<RecordedTrade> made = risk.applied(order, engine.fillsSince(fillsBefore));
            CompletableFuture<OrderView> acknowledged = journaled(instrument, next).thenApply(position -> order);
            return made.isEmpty() ? acknowledged : record(instrument, acknowledged, made);
        }).thenCompose(Function.identity());
    }

    /** Journals an applied command; if the broker does not acknowledge it, the instrument stops taking commands. */
    private CompletableFuture<JournalPosition> journaled(InstrumentCode instrument, Command command) {
        return journal.append(instrument, command).handle((position, failure) -> {
            if (failure != null) {
                broken.put(instrument, Boolean.TRUE);
                LOG.errorf(failure, "the journal did not acknowledge %s; %s stops taking commands", command,
                        instrument);
                throw new JournalUnavailableException("the journal did not acknowledge the command");
            }
            return position;
        });
    }

    /**
     * Hands the command's trades to the recording (after the instrument's earlier trades, so their events keep
     * execution order) and answers once the command is journaled: the journal holds the fills, and a restart records
     * from it what was not recorded yet. Only when the recording falls behind does the answer wait for it, so that
     * order entry slows down to the database's pace. A failed recording stops the instrument like a lost journal
     * record.
     */
    private CompletableFuture<OrderView> record(InstrumentCode instrument, CompletableFuture<OrderView> acknowledged,
                                                List<RecordedTrade> made) {
        CompletableFuture<OrderView> recorded = recording.record(instrument, acknowledged, made)
                .handle((done, failure) -> {
                    if (acknowledged.isCompletedExceptionally()) {
                        return acknowledged.join(); // throws the journal's failure, which the caller should see
                    }
                    if (failure != null) {
                        broken.put(instrument, Boolean.TRUE);
                        LOG.errorf(failure, "the trades of %s could not be recorded; %s stops taking commands",
                                made, instrument);
                        throw new JournalUnavailableException("the trades could not be recorded");
                    }
                    return acknowledged.join();
                });
        return recording.behind(instrument) ? recorded : acknowledged;
    }

    public Uni<Optional<OrderView>> order(PartyId party, long orderId) {
        InstrumentCode instrument = instrumentOf.get(orderId);
        if (instrument == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return uni(desk(instrument).submit(engine -> engine.order(orderId).filter(o -> o.party().equals(party))));
    }

    /** The party's orders in every instrument, oldest first. */
    public Uni<List<OrderView>> orders(PartyId party) {
        return gather(engine -> engine.orders(party)).map(all -> all.stream()
                .sorted(Comparator.comparingLong(OrderView::orderId)).toList());
    }

    /** The party's fills in every instrument, by instrument and then in execution order. */
    public Uni<List<Fill>> fills(PartyId party) {
        return gather(engine -> engine.fills(party));
    }

    public Uni<BookDepth> depth(InstrumentCode instrument) {
        return uni(desk(instrument).submit(InstrumentEngine::depth));
    }

    /** What every desk's engine says, right now, about {@code party}. */
    private <T> Uni<List<T>> gather(Function<InstrumentEngine, List<T>> read) {
        List<CompletableFuture<List<T>>> reads = desks.values().stream().map(desk -> desk.submit(read)).toList();
        return uni(CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<T> all = new ArrayList<>();
            reads.forEach(r -> all.addAll(r.join()));
            return all;
        }));
    }

    private InstrumentDesk desk(InstrumentCode instrument) {
        InstrumentDesk desk = desks.get(instrument);
        if (desk == null) {
            throw new NotFoundException("INSTRUMENT_NOT_LISTED", instrument + " is not listed for trading");
        }
        return desk;
    }

    private static NotFoundException notFound(long orderId) {
        return new NotFoundException("ORDER_NOT_FOUND", "the caller has no order " + orderId);
    }

    private static RuntimeException refused(Refusal refusal) {
        return switch (refusal.code()) {
            case "ORDER_NOT_FOUND" -> new NotFoundException(refusal.code(), refusal.message());
            case "ORDER_NOT_OPEN", "INSTRUMENT_ALREADY_HALTED", "INSTRUMENT_NOT_HALTED" ->
                    new ConflictException(refusal.code(), refusal.message());
            default -> new RuleViolationException(refusal.code(), refusal.message());
        };
    }

    /** A desk's answer as a Uni, failing with the exception the desk threw rather than its wrapper. */
    private static <T> Uni<T> uni(CompletableFuture<T> future) {
        return Uni.createFrom().completionStage(future)
                .onFailure(CompletionException.class).transform(Throwable::getCause);
    }
}
