package cn.carbonmarket.trading.order;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.trading.engine.Command;
import cn.carbonmarket.trading.engine.InstrumentDesk;
import cn.carbonmarket.trading.engine.InstrumentEngine;
import cn.carbonmarket.trading.engine.OrderView;
import cn.carbonmarket.trading.engine.Refusal;
import cn.carbonmarket.trading.leadership.Leadership;
import cn.carbonmarket.trading.risk.PartyEligibility;
import cn.carbonmarket.trading.risk.PreTradeRisk;
import cn.carbonmarket.trading.trade.RecordedTrade;
import cn.carbonmarket.trading.trade.TradeRecording;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The exchange's commands: orders, cancels, and the operator's halt and resume. A command is checked and applied
 * on its instrument's desk thread and journaled from there in the same order; the caller's answer waits for the
 * broker's acknowledgement. A client order id is a party's for the trading day: the same one again answers with
 * its first order.
 */
@ApplicationScoped
public class OrderEntry {

    private static final Logger LOG = Logger.getLogger(OrderEntry.class);

    /** The answer to an order: the order, and whether it is the first of its client order id. */
    public record Placed(OrderView order, boolean created) {
    }

    private final ExchangeDesks desks;
    private final DayOrders dayOrders;
    private final DayRollover rollover;
    private final PreTradeRisk risk;
    private final PartyEligibility eligibility;
    private final TradeRecording recording;
    private final Leadership leadership;
    private final Clock clock;

    public OrderEntry(ExchangeDesks desks, DayOrders dayOrders, DayRollover rollover, PreTradeRisk risk,
                      PartyEligibility eligibility, TradeRecording recording, Leadership leadership, Clock clock) {
        this.desks = desks;
        this.dayOrders = dayOrders;
        this.rollover = rollover;
        this.risk = risk;
        this.eligibility = eligibility;
        this.recording = recording;
        this.leadership = leadership;
        this.clock = clock;
    }

    /**
     * Places an order for {@code party}, a party type the instrument's jurisdiction admits. The same client order
     * id again answers with the first order as it stands now; with a different request it is a conflict.
     */
    public Uni<Placed> place(PartyId party, OrderRequest request) {
        InstrumentDesk desk = desks.desk(request.instrument());
        return eligibility.require(party, request.instrument()).chain(() -> placeOn(desk, party, request));
    }

    private Uni<Placed> placeOn(InstrumentDesk desk, PartyId party, OrderRequest request) {
        DayOrders.ClientOrder key = new DayOrders.ClientOrder(party, request.clientOrderId());
        DayOrders.Pending mine = new DayOrders.Pending(request, new CompletableFuture<>());
        DayOrders.Pending first = dayOrders.claim(key, mine);
        if (first != null) {
            if (!first.request().equals(request)) {
                return Uni.createFrom().failure(new ConflictException("CLIENT_ORDER_ID_REUSED", "client order id "
                        + request.clientOrderId() + " was used for a different order"));
            }
            // An order its trading day's end dropped from memory is answered as it was last seen.
            return ExchangeDesks.uni(first.order().thenCompose(order -> desks.desk(order.instrument())
                    .submit(engine -> engine.order(order.orderId()).orElse(order))))
                    .map(order -> new Placed(order, false));
        }
        CompletableFuture<OrderView> placed = execute(desk, request.instrument(), engine -> {
            long id = dayOrders.nextOrderId();
            return request.isTake()
                    ? new Command.TakeAtLevel(id, party, request.clientOrderId(), request.side(), request.level(),
                            request.quantity(), clock.instant())
                    : new Command.PlaceLimit(id, party, request.clientOrderId(), request.side(), request.price(),
                            request.quantity(), clock.instant());
        });
        placed.whenComplete((order, failure) -> {
            if (failure != null) {
                dayOrders.release(key, mine);
                mine.order().completeExceptionally(failure);
            } else {
                mine.order().complete(order);
            }
        });
        return ExchangeDesks.uni(placed).map(order -> new Placed(order, true));
    }

    /** Cancels the open remainder of one of {@code party}'s orders; another party's order is not found. */
    public Uni<OrderView> cancel(PartyId party, long orderId) {
        return dayOrders.instrumentOf(orderId)
                .map(instrument -> ExchangeDesks.uni(execute(desks.desk(instrument), instrument, engine -> {
                    if (engine.order(orderId).filter(o -> o.party().equals(party)).isEmpty()) {
                        throw notFound(orderId);
                    }
                    return new Command.Cancel(orderId, clock.instant());
                })))
                .orElseGet(() -> Uni.createFrom().failure(notFound(orderId)));
    }

    public Uni<Void> halt(InstrumentCode instrument, String operator) {
        return ExchangeDesks.uni(execute(desks.desk(instrument), instrument,
                e -> new Command.Halt(operator, clock.instant()))).replaceWithVoid();
    }

    public Uni<Void> resume(InstrumentCode instrument, String operator) {
        return ExchangeDesks.uni(execute(desks.desk(instrument), instrument,
                e -> new Command.Resume(operator, clock.instant()))).replaceWithVoid();
    }

    /**
     * On the desk's thread, on the leader only: builds the command, checks it against the rules and pre-trade risk (which reserves what
     * an order needs), applies it and journals it, in that order, so the journal's order is the engine's.
     * Completes with the command's order once the broker acknowledged it (see {@link #record} for its trades).
     */
    private CompletableFuture<OrderView> execute(InstrumentDesk desk, InstrumentCode instrument,
                                                 Function<InstrumentEngine, Command> command) {
        return desk.submit(engine -> {
            leadership.requireAccepting();
            if (desks.isBroken(instrument)) {
                throw new JournalUnavailableException("the journal lost a command of " + instrument
                        + "; it takes commands again once the service has restarted");
            }
            rollover.rollBeforeCommand(instrument, engine);
            Command next = command.apply(engine);
            engine.check(next).or(() -> risk.reserve(next, engine)).ifPresent(refusal -> {
                throw refused(refusal);
            });
            int fillsBefore = engine.fillCount();
            OrderView order = engine.apply(next);
            if (order != null) {
                dayOrders.placed(order.orderId(), instrument);
            }
            List<RecordedTrade> made = risk.applied(order, engine.fillsSince(fillsBefore));
            CompletableFuture<OrderView> acknowledged = desks.journaled(instrument, next).thenApply(position -> order);
            return made.isEmpty() ? acknowledged : record(instrument, acknowledged, made);
        }).thenCompose(Function.identity());
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
                        desks.stopTaking(instrument);
                        LOG.errorf(failure, "the trades of %s could not be recorded; %s stops taking commands",
                                made, instrument);
                        throw new JournalUnavailableException("the trades could not be recorded");
                    }
                    return acknowledged.join();
                });
        return recording.behind(instrument) ? recorded : acknowledged;
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
}
