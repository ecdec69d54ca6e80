package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.event.LargeTraderReported;
import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import cn.carbonmarket.trading.engine.BookDepth;
import cn.carbonmarket.trading.engine.Command;
import cn.carbonmarket.trading.engine.DayClose;
import cn.carbonmarket.trading.engine.Fill;
import cn.carbonmarket.trading.engine.InstrumentEngine;
import cn.carbonmarket.trading.engine.OrderView;
import cn.carbonmarket.trading.engine.Refusal;
import cn.carbonmarket.contracts.trade.FeeSchedule;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.trading.rules.ListingRules;
import cn.carbonmarket.trading.rules.RiskRules;
import cn.carbonmarket.trading.rules.TradingRulePack;
import cn.carbonmarket.trading.surveillance.PriceMoveWatch;
import cn.carbonmarket.trading.trade.RecordedTrade;
import cn.carbonmarket.trading.trade.TradeLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Pre-trade risk in the exchange: the {@link RiskBook} checked and changed on the instruments' desk threads (a
 * reservation before a command is journaled, fills and released remainders right after it is applied), the
 * surveillance of fills, and the recovery of it all on start. Feeds and withdrawal holds wait until recovery is
 * done, so that nothing they change is overwritten by what recovery loads.
 */
@ApplicationScoped
public class PreTradeRisk {

    private static final Logger LOG = Logger.getLogger(PreTradeRisk.class);

    private final TradingRulePack pack;
    private final TradingCalendar calendar;
    private final RiskBook book;
    private final Clock clock;
    private final TradeLog trades;
    private final RiskStore store;
    private final Pool pool;
    private final List<OffBookCommitments> offBook;
    private final List<OffBookTradeSource> offBookTrades;
    private final Map<InstrumentCode, PriceMoveWatch> watches = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    public PreTradeRisk(TradingRulePack pack, ObjectMapper json, Clock clock, TradeLog trades, RiskStore store,
                        Pool pool, @All List<OffBookCommitments> offBook,
                        @All List<OffBookTradeSource> offBookTrades) {
        this.pack = pack;
        this.calendar = TradingCalendar.load(json);
        this.book = new RiskBook(FeeSchedule.published(), calendar, this::rules);
        this.clock = clock;
        this.trades = trades;
        this.store = store;
        this.pool = pool;
        this.offBook = offBook;
        this.offBookTrades = offBookTrades;
    }

    private RiskRules rules(InstrumentCode instrument) {
        Jurisdiction jurisdiction = instrument.product().jurisdiction();
        return pack.risk(jurisdiction).orElseThrow(() -> new IllegalStateException(jurisdiction
                + " has no risk rules"));
    }

    public RiskBook book() {
        return book;
    }

    /** Completes once {@link #recover} has loaded the view: feeds and holds run after it. */
    public <T> Uni<T> whenReady(Supplier<Uni<T>> work) {
        return Uni.createFrom().completionStage(ready).chain(ignored -> work.get());
    }

    /**
     * The calendar day in the exchange's zone, a trading day or not: what a trade brings in is sellable or
     * withdrawable once this reaches the next trading day after the trade's.
     */
    public LocalDate today() {
        return day(clock.instant());
    }

    private LocalDate day(Instant at) {
        return at.atZone(calendar.zone()).toLocalDate();
    }

    /** On the desk's thread, before the command is journaled: reserves what an order needs, or refuses it. */
    public Optional<Refusal> reserve(Command command, InstrumentEngine engine) {
        if (command instanceof Command.PlaceLimit place) {
            return book.reserve(place.orderId(), place.party(), engine.instrument(), place.side(), place.price(),
                    place.quantity(), day(place.at()));
        }
        if (command instanceof Command.TakeAtLevel take) {
            // A take trades at the chosen level's price; without that level the book rejects it and nothing is needed.
            return engine.levelPrice(take.side(), take.level()).stream().boxed().findFirst()
                    .flatMap(price -> book.reserve(take.orderId(), take.party(), engine.instrument(), take.side(),
                            price, take.quantity(), day(take.at())));
        }
        return Optional.empty();
    }

    /** On the desk's thread, right after a command was applied: its fills and what is left of its order. */
    public List<RecordedTrade> applied(OrderView order, List<Fill> fills) {
        List<RecordedTrade> recorded = new ArrayList<>(fills.size());
        for (Fill fill : fills) {
            FilledTrade filled = book.fill(fill, day(fill.at()));
            recorded.add(new RecordedTrade(filled.trade(), largeTrader(filled),
                    watches.get(fill.instrument()).traded(fill)));
        }
        if (order != null) {
            book.orderOpen(order.orderId(), order.open());
        }
        return recorded;
    }

    /** The large-trader report a trade owes if it took the buyer's holding across the line. */
    private Optional<LargeTraderReported> largeTrader(FilledTrade filled) {
        TradeExecuted trade = filled.trade();
        return filled.largeTraderHolding().stream().boxed().findFirst()
                .map(holding -> new LargeTraderReported(trade.buyerPartyId(), trade.instrument(), holding,
                        rules(trade.instrument()).largeTraderThreshold(), trade.tradeId(), trade.executedAt()));
    }

    /**
     * On start, after the journal rebuilt the engines and before any request: records the journal's trades and the
     * committed off-book trades that a crash kept from being recorded (the trade log takes each id once), loads
     * the stored view, reinstates open orders' reservations and marks what recent trades brought in (from the last
     * trading day before today on: on a Saturday, Friday's proceeds are still not withdrawable), and reinstates
     * open off-book reservations (auction volumes and bids). Trades recorded here were not seen live,
     * so they carry no surveillance events.
     */
    public void recover(Map<InstrumentCode, InstrumentEngine> engines) {
        List<RecordedTrade> journaled = new ArrayList<>();
        engines.values().forEach(engine -> engine.fillsSince(0)
                .forEach(fill -> journaled.add(RecordedTrade.replayed(book.pricing().trade(fill)))));
        List<TradeExecuted> late = trades.record(journaled).await().atMost(Duration.ofMinutes(2));
        if (!late.isEmpty()) {
            LOG.warnf("recorded %d journaled trades whose events a restart had kept from the outbox", late.size());
        }
        List<RecordedTrade> unrecorded = new ArrayList<>();
        for (OffBookTradeSource source : offBookTrades) {
            source.unrecorded(book.pricing()).await().atMost(Duration.ofMinutes(2))
                    .forEach(trade -> unrecorded.add(RecordedTrade.replayed(trade)));
        }
        List<TradeExecuted> offBookLate = trades.record(unrecorded).await().atMost(Duration.ofMinutes(2));
        if (!offBookLate.isEmpty()) {
            LOG.warnf("recorded %d off-book trades whose recording a restart had cut short", offBookLate.size());
        }
        // Trades before the last trading day before today brought in nothing that is not usable today (T+1). The
        // trade log holds every later one by now, also the fills of a day whose end the journal has passed.
        Instant recent = calendar.previousTradingDay(today()).atStartOfDay(calendar.zone()).toInstant();
        List<TradeExecuted> recentTrades = trades.since(recent).await().atMost(Duration.ofMinutes(2));
        RiskStore.Snapshot snapshot = pool.withTransaction(store::load).await().atMost(Duration.ofMinutes(2));
        snapshot.balances().forEach(s -> book.settle(s.party(), s.asset(), s.balance()));
        snapshot.unreported().forEach(book::unreported);
        snapshot.holds().forEach(book.withdrawals()::restore);
        recentTrades.forEach(trade -> book.arrivedOn(trade, day(trade.executedAt())));
        engines.forEach((code, engine) -> {
            engine.orders().stream().filter(o -> o.open() > 0)
                    .forEach(o -> book.restore(o.orderId(), o.party(), code, o.side(), o.price(), o.open()));
            watch(engine);
        });
        long commitments = 0;
        for (OffBookCommitments source : offBook) {
            List<OffBookCommitment> open = source.open().await().atMost(Duration.ofMinutes(2));
            open.forEach(book::restore);
            commitments += open.size();
        }
        ready.complete(null);
        LOG.infof("pre-trade risk recovered: %d balances, %d unreported changes, %d holds, %d journaled trades,"
                        + " %d open off-book reservations", snapshot.balances().size(), snapshot.unreported().size(),
                snapshot.holds().size(), journaled.size(), commitments);
    }

    /**
     * On the desk's thread, right after an end of day: the expired orders' reservations are released as after a
     * cancel, and surveillance watches the new day around its previous close.
     */
    public void dayClosed(DayClose closed, InstrumentEngine engine) {
        closed.expired().forEach(order -> book.orderOpen(order.orderId(), order.open()));
        watch(engine);
    }

    /** An instrument listed while the exchange runs: surveillance watches its first day around its reference price. */
    public void listed(InstrumentEngine engine) {
        watch(engine);
    }

    /** Watches the engine's trading day for abnormal price moves, from its last price on. */
    private void watch(InstrumentEngine engine) {
        InstrumentCode code = engine.instrument();
        ListingRules listing = pack.listing(code.product().jurisdiction()).orElseThrow();
        RiskRules risk = rules(code);
        BookDepth depth = engine.depth();
        watches.put(code, new PriceMoveWatch(code, depth.previousClose(), depth.last(),
                listing.dailyBandBasisPoints(), risk.abnormalMoveBandShareBasisPoints(),
                Duration.ofSeconds(risk.abnormalMoveWindowSeconds())));
    }

    /**
     * Checks and books an off-book trade made now (see {@link RiskBook#execute}): the trade to record, with the
     * large-trader report it owes; refused with 422 and nothing changed.
     */
    public RecordedTrade execute(TradeExecuted trade) {
        Execution execution = book.execute(trade, day(trade.executedAt()));
        if (execution instanceof Execution.Booked booked) {
            return offBook(booked.filled());
        }
        Refusal refusal = ((Execution.Refused) execution).refusal();
        throw new RuleViolationException(refusal.code(), refusal.message());
    }

    /**
     * An off-book trade as recorded: with the large-trader report it owes, but never an abnormal-price alert, since
     * off-book trades do not form the book's price (see {@link PriceMoveWatch}, which watches continuous fills only).
     */
    private RecordedTrade offBook(FilledTrade filled) {
        return new RecordedTrade(filled.trade(), largeTrader(filled), Optional.empty());
    }

    /** Reserves an off-book commitment made now under {@code key} (see {@link RiskBook#reserve}), or refuses it. */
    public Optional<Refusal> reserve(ReservationKey.OffBook key, TradeMode mode, PartyId party,
                                     InstrumentCode instrument, Side side, long price, long quantity) {
        return book.reserve(key, mode, party, instrument, side, price, quantity, today());
    }

    /** An off-book trade filling the reservations under {@code buyKey} and {@code sellKey}: the trade to record. */
    public RecordedTrade fill(TradeExecuted trade, ReservationKey.OffBook buyKey, ReservationKey.OffBook sellKey) {
        return offBook(book.fill(trade, buyKey, sellKey, day(trade.executedAt())));
    }

    /** Takes back an off-book trade {@link #execute} booked whose transaction then failed. */
    public void undo(TradeExecuted trade) {
        book.undo(trade, day(trade.executedAt()));
    }

    /** A party's assets as its owner sees them. */
    public List<AssetBalance> balances(PartyId party) {
        return book.balances(party, today());
    }
}
