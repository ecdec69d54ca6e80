package cn.carbonmarket.settlement.clearing;

import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.platform.inbox.IdempotentConsumer;
import cn.carbonmarket.platform.outbox.EventCodec;
import cn.carbonmarket.platform.outbox.UnreadableEventException;
import cn.carbonmarket.settlement.auction.AuctionCollaterals;
import cn.carbonmarket.settlement.endofday.TradeDateLock;
import cn.carbonmarket.settlement.ledger.LedgerCommand;
import cn.carbonmarket.settlement.ledger.LedgerRejectedException;
import cn.carbonmarket.settlement.ledger.LedgerStore;
import cn.carbonmarket.settlement.ledger.Rejection;
import cn.carbonmarket.settlement.ledger.TradingDay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Clears the exchange's trades from {@code trading.trades}, the polls {@link TradeIntake} gathered per database
 * transaction, each trade id exactly once: the batch's event ids are recorded through the platform's idempotent
 * consumer in the same transaction as their effects, and each DvP entry's id is its trade id (the journal's primary
 * key), so neither a redelivered event nor a trade published twice posts twice. A trade the ledger refuses (a party
 * short of cash or units, a closed trade date) becomes a clearing break for the operator; it does not hold up the
 * trades behind it.
 */
@ApplicationScoped
public class TradeClearing {

    static final String CONSUMER = "settlement.trade-clearing";
    private static final Logger LOG = Logger.getLogger(TradeClearing.class);

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final Clearing clearing;
    private final LedgerStore ledger;
    private final ClearedTradeStore trades;
    private final AuctionCollaterals collaterals;
    private final Pool pool;
    private final Clock clock;
    private final MeterRegistry metrics;

    public TradeClearing(IdempotentConsumer consumer, EventCodec codec, Clearing clearing, LedgerStore ledger,
                         ClearedTradeStore trades, AuctionCollaterals collaterals, Pool pool, Clock clock,
                         MeterRegistry metrics) {
        this.consumer = consumer;
        this.codec = codec;
        this.clearing = clearing;
        this.ledger = ledger;
        this.trades = trades;
        this.collaterals = collaterals;
        this.pool = pool;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * A trade of the batch: its envelope, its JSON (kept for a break) and its cleared form, or why clearing refused
     * it before it reached the ledger.
     */
    private record Candidate(EventEnvelope<TradeExecuted> event, String json, ClearedTrade cleared,
                             LedgerRejectedException refused) {
    }

    /** Clears the trades of {@code messages} (as {@link TradeIntake} gathered them) in one transaction. */
    Uni<Void> clear(List<String> messages) {
        List<EventEnvelope<TradeExecuted>> events = new ArrayList<>();
        List<String> jsons = new ArrayList<>();
        List<ClearingBreak> unreadable = new ArrayList<>();
        for (String json : messages) {
            try {
                Optional<EventEnvelope<TradeExecuted>> event = codec.decodeIf(json, TradeExecuted.TYPE);
                event.ifPresent(e -> {
                    events.add(e);
                    jsons.add(json);
                });
            } catch (UnreadableEventException e) {
                // Kept with the breaks rather than failing the batch: the trades polled with it are fine.
                unreadable.add(new ClearingBreak("UNREADABLE:" + UUID.nameUUIDFromBytes(json.getBytes(StandardCharsets.UTF_8)),
                        "UNREADABLE_EVENT", e.getMessage(), json));
            }
        }
        if (events.isEmpty() && unreadable.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Batch size and time (poll to commit) are what trade-to-cleared latency is made of.
        metrics.summary("settlement.clearing.batch.size").record(messages.size());
        Timer.Sample batch = Timer.start(metrics);
        return pool.withTransaction(conn -> consumer.firstDeliveries(conn, CONSUMER, events)
                        .flatMap(fresh -> clearAll(conn, candidates(fresh, events, jsons), unreadable)))
                .onFailure(LedgerStore::lostRace).retry().atMost(3)
                .onFailure().retry().withBackOff(Duration.ofMillis(50), Duration.ofSeconds(2)).atMost(5)
                .invoke(() -> batch.stop(metrics.timer("settlement.clearing.batch")));
    }

    private List<Candidate> candidates(List<EventEnvelope<TradeExecuted>> fresh,
                                       List<EventEnvelope<TradeExecuted>> events, List<String> jsons) {
        Set<UUID> ids = new HashSet<>();
        fresh.forEach(e -> ids.add(e.eventId()));
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope<TradeExecuted> event = events.get(i);
            if (ids.remove(event.eventId())) {
                try {
                    ClearedTrade cleared = clearing.clear(tradeOf(event.payload()));
                    checkFees(event.payload(), cleared);
                    candidates.add(new Candidate(event, jsons.get(i), cleared, null));
                } catch (LedgerRejectedException refused) {
                    candidates.add(new Candidate(event, jsons.get(i), null, refused));
                }
            }
        }
        return candidates;
    }

    /** The clearing house's own view of the trade: the trade date is the execution's date in Beijing time. */
    static Trade tradeOf(TradeExecuted event) {
        return new Trade(event.tradeId(), event.buyerPartyId(), event.sellerPartyId(), event.instrument(),
                event.quantity(), event.priceFen(), event.mode(),
                TradingDay.of(event.executedAt()));
    }

    /**
     * The rule pack decides what the ledger charges; a different figure from trading means the two services' fee
     * tables have drifted apart, which the operator has to hear of.
     */
    private void checkFees(TradeExecuted event, ClearedTrade cleared) {
        if (cleared.buyerFeeFen() != event.buyerFeeFen() || cleared.sellerFeeFen() != event.sellerFeeFen()) {
            LOG.warnf("trade %s: trading charged fees %d/%d fen, the settlement rule pack %d/%d", event.tradeId(),
                    event.buyerFeeFen(), event.sellerFeeFen(), cleared.buyerFeeFen(), cleared.sellerFeeFen());
            metrics.counter("settlement.fee.mismatches").increment();
        }
    }

    private Uni<Void> clearAll(SqlConnection conn, List<Candidate> candidates, List<ClearingBreak> unreadable) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<ClearingBreak> breaks = new ArrayList<>(unreadable);
        List<Candidate> clearable = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.refused() != null) {
                breaks.add(breakOf(c, c.refused()));
            } else {
                clearable.add(c);
            }
        }
        Set<LocalDate> dates = new TreeSet<>();
        clearable.forEach(c -> dates.add(c.cleared().trade().tradeDate()));
        return closedDates(conn, dates).flatMap(closed -> {
            List<Candidate> open = clearable.stream()
                    .filter(c -> !closed.contains(c.cleared().trade().tradeDate())).toList();
            List<Candidate> late = clearable.stream()
                    .filter(c -> closed.contains(c.cleared().trade().tradeDate())).toList();
            return lateBreaks(conn, late).flatMap(lateBreaks -> {
                breaks.addAll(lateBreaks);
                List<UUID> auctionBuyers = open.stream().map(c -> c.cleared().trade())
                        .filter(t -> t.mode() == TradeMode.AUCTION).map(t -> t.buyer().value()).distinct().toList();
                // An auction's trades are paid from the buyer's collateral: its reservation is posted ahead of them.
                // A buyer without collateral here bid in the exchange's one-way auction, covered by trading's risk
                // view like any order: it pays from available cash.
                return collaterals.putInUse(conn, auctionBuyers).flatMap(inUse -> {
                    List<LedgerCommand> commands = new ArrayList<>(inUse.posts());
                    open.forEach(c -> commands.add(new LedgerCommand.Write(c.cleared().entry(
                            c.cleared().trade().mode() == TradeMode.AUCTION
                                    && inUse.collateralised().contains(c.cleared().trade().buyer().value())))));
                    return ledger.apply(conn, commands, now);
                }).flatMap(all -> {
                    List<LedgerStore.Outcome> outcomes = all.subList(all.size() - open.size(), all.size());
                    List<ClearedTradeStore.Cleared> cleared = new ArrayList<>();
                    for (int i = 0; i < outcomes.size(); i++) {
                        LedgerStore.Outcome outcome = outcomes.get(i);
                        Candidate c = open.get(i);
                        if (!outcome.isApplied()) {
                            breaks.add(breakOf(c, outcome.rejection()));
                        } else if (!outcome.applied().replayed()) {
                            cleared.add(new ClearedTradeStore.Cleared(c.cleared(), c.event().payload().executedAt(), now));
                        }
                    }
                    return record(conn, cleared, breaks);
                });
            });
        });
    }

    /** Takes each date's clearing lock shared, in date order, and returns the dates whose run is already made. */
    private static Uni<Set<LocalDate>> closedDates(SqlConnection conn, Set<LocalDate> dates) {
        Set<LocalDate> closed = new HashSet<>();
        return Multi.createFrom().iterable(dates)
                .onItem().transformToUniAndConcatenate(date -> TradeDateLock.openForClearing(conn, date)
                        .invoke(open -> {
                            if (!open) {
                                closed.add(date);
                            }
                        }))
                .collect().last().replaceWith(closed);
    }

    /** Trades of a closed date: one cleared before the run is a redelivery, any other one a break. */
    private Uni<List<ClearingBreak>> lateBreaks(SqlConnection conn, List<Candidate> late) {
        if (late.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return ledger.knownEntries(conn, late.stream().map(c -> c.cleared().entry().id()).toList())
                .map(known -> late.stream().filter(c -> !known.contains(c.cleared().entry().id()))
                        .map(c -> breakOf(c, new LedgerRejectedException(Rejection.TRADE_DATE_CLOSED,
                                "the clearing run of " + c.cleared().trade().tradeDate() + " is made; trade "
                                        + c.cleared().trade().tradeId() + " came after it")))
                        .toList());
    }

    private ClearingBreak breakOf(Candidate c, LedgerRejectedException refused) {
        LOG.errorf("trade %s cannot be cleared: %s %s", c.event().payload().tradeId(), refused.rejection(),
                refused.getMessage());
        metrics.counter("settlement.clearing.breaks", "code", refused.rejection().name()).increment();
        return new ClearingBreak(c.event().payload().tradeId(), refused.rejection().name(), refused.getMessage(), c.json());
    }

    private Uni<Void> record(SqlConnection conn, List<ClearedTradeStore.Cleared> cleared,
                             List<ClearingBreak> breaks) {
        metrics.counter("settlement.trades.cleared").increment(cleared.size());
        return trades.insert(conn, cleared).chain(() -> trades.insertBreaks(conn, breaks));
    }
}
