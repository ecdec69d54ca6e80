package cn.carbonmarket.trading.engine;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import cn.carbonmarket.trading.calendar.TradingMode;
import cn.carbonmarket.trading.marketdata.DailyPrices;
import cn.carbonmarket.trading.marketdata.MarketDay;
import cn.carbonmarket.trading.orderbook.BookEvents;
import cn.carbonmarket.trading.orderbook.CancelReason;
import cn.carbonmarket.trading.orderbook.Depth;
import cn.carbonmarket.trading.orderbook.FastOrderBook;
import cn.carbonmarket.trading.orderbook.OrderValidation;
import cn.carbonmarket.trading.orderbook.ResultCode;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.trading.rules.ListingRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One instrument's trading state: its book, its orders and fills, the day's reference prices and whether the
 * operator halted it. Not thread-safe by design: exactly one writer calls it (the instrument's desk thread, or a
 * replay), so the book needs no locks.
 *
 * <p>A command is first {@link #check checked} against the listing rules, the session and the engine's state;
 * only a command that passed is journaled and {@link #apply applied}. Applying depends on nothing but the
 * command and the engine's state, so applying the journal's commands in order to a fresh engine rebuilds it.
 */
public final class InstrumentEngine {

    /** Room for this many resting orders before the book's index and pool grow. */
    private static final int EXPECTED_ORDERS = 4_096;

    private final InstrumentCode instrument;
    private final ListingRules rules;
    private final TradingCalendar calendar;
    private final MarketDay marketDay;
    private final FillListener listener;
    /** The trading day's orders and fills: the end of the day drops them (fills stay in the trade log). */
    private final Map<Long, Order> orders = new HashMap<>();
    private final List<Fill> fills = new ArrayList<>();
    /**
     * The book's owner number of each party that has placed an order: numbered in order of first appearance,
     * so a replay of the journal numbers them alike (only equality matters to the book anyway).
     */
    private final Map<PartyId, Integer> owners = new HashMap<>();
    private final Depth depth;
    /** The band, the book sized to it and the reference prices are the day's: each day starts them afresh. */
    private OrderValidation validation;
    private FastOrderBook book;
    private DailyPrices prices;
    private LocalDate tradingDay;
    private long fillSequence;
    private boolean halted;
    private Command current;

    public InstrumentEngine(InstrumentCode instrument, ListingRules rules, TradingCalendar calendar,
                            long previousClose, FillListener listener) {
        this(instrument, rules, calendar, DayOpening.listed(previousClose), listener);
    }

    public InstrumentEngine(InstrumentCode instrument, ListingRules rules, TradingCalendar calendar,
                            DayOpening opening, FillListener listener) {
        this.instrument = instrument;
        this.rules = rules;
        this.calendar = calendar;
        this.marketDay = new MarketDay(calendar);
        this.listener = listener;
        this.depth = new Depth(rules.counterpartyLevels());
        this.fillSequence = opening.fillSequence();
        open(opening.day(), opening.previousClose());
    }

    private void open(LocalDate day, long previousClose) {
        tradingDay = day;
        validation = new OrderValidation(rules, previousClose);
        book = new FastOrderBook(validation.band(), rules.tick(), EXPECTED_ORDERS, new Events());
        prices = new DailyPrices(previousClose);
    }

    public InstrumentCode instrument() {
        return instrument;
    }

    /** The trading day the engine is in, or null before its first command when it started without one. */
    public LocalDate tradingDay() {
        return tradingDay;
    }

    /** The fill sequence so far: the next fill is this plus one. */
    public long fillSequence() {
        return fillSequence;
    }

    /**
     * Gives an engine that has no trading day yet (it started without a snapshot and the journal held no command
     * for it) the market day of {@code now}: the day the service started in.
     */
    public void assumeDayAt(Instant now) {
        if (tradingDay == null) {
            tradingDay = marketDay.of(now);
        }
    }

    /** The end of day due at {@code now}, if the market clock has passed the close of the engine's trading day. */
    public Optional<Command.EndOfDay> endOfDayDue(Instant now) {
        LocalDate current = marketDay.of(now);
        return tradingDay != null && current.isAfter(tradingDay)
                ? Optional.of(new Command.EndOfDay(tradingDay, current, now)) : Optional.empty();
    }

    /** Why {@code command} must be refused, or empty when it may be journaled and applied. */
    public Optional<Refusal> check(Command command) {
        if (command instanceof Command.PlaceLimit place) {
            return open(command).or(() -> rule(validation.limitOrder(place.price(), place.quantity())))
                    .or(() -> fresh(place.orderId()));
        }
        if (command instanceof Command.TakeAtLevel take) {
            return open(command).or(() -> rule(validation.takeAtLevel(take.level(), take.quantity())))
                    .or(() -> fresh(take.orderId()));
        }
        if (command instanceof Command.Cancel cancel) {
            Order order = orders.get(cancel.orderId());
            if (order == null) {
                return refuse("ORDER_NOT_FOUND", "no order " + cancel.orderId() + " in " + instrument);
            }
            return order.open() == 0
                    ? refuse("ORDER_NOT_OPEN", "order " + order.id + " is " + order.state() + "; nothing is open")
                    : Optional.empty();
        }
        if (command instanceof Command.EndOfDay end) {
            return end.closes().equals(tradingDay) && end.opens().isAfter(end.closes()) ? Optional.empty()
                    : refuse("DAY_ALREADY_CLOSED", instrument + " is in trading day " + tradingDay + ", not "
                            + end.closes());
        }
        if (command instanceof Command.Halt) {
            return halted ? refuse("INSTRUMENT_ALREADY_HALTED", instrument + " is already halted") : Optional.empty();
        }
        return halted ? Optional.empty() : refuse("INSTRUMENT_NOT_HALTED", instrument + " is not halted");
    }

    private Optional<Refusal> open(Command command) {
        if (halted) {
            return refuse("INSTRUMENT_HALTED", "the exchange operator halted trading in " + instrument);
        }
        if (!calendar.isOpen(TradingMode.LISTING, command.at())) {
            return refuse("OUTSIDE_SESSION", "listing-agreement trading is closed at "
                    + command.at().atZone(calendar.zone()) + "; it next opens at "
                    + calendar.nextOpen(TradingMode.LISTING, command.at()).atZone(calendar.zone()));
        }
        return Optional.empty();
    }

    private Optional<Refusal> rule(ResultCode result) {
        return result.accepted() ? Optional.empty() : refuse(result.name(), switch (result) {
            case PRICE_NOT_ON_TICK -> "the price is not a multiple of the tick";
            case PRICE_BELOW_BAND, PRICE_ABOVE_BAND -> "the price is outside today's band "
                    + validation.band().lowest() + ".." + validation.band().highest() + " fen";
            case QUANTITY_NOT_ON_STEP -> "the quantity is not a multiple of the quantity step";
            case QUANTITY_BELOW_MINIMUM, QUANTITY_ABOVE_MAXIMUM -> "the quantity is outside the order size limits";
            case LEVEL_OUT_OF_RANGE -> "the level is not one of the counterparty's best levels a taker may choose";
            default -> result.name();
        });
    }

    private Optional<Refusal> fresh(long orderId) {
        return orders.containsKey(orderId)
                ? refuse("DUPLICATE_ORDER_ID", "order id " + orderId + " is taken") : Optional.empty();
    }

    private static Optional<Refusal> refuse(String code, String message) {
        return Optional.of(new Refusal(code, message));
    }

    /**
     * Executes a command that passed {@link #check} (or comes from the journal, where it once did).
     *
     * @return the order it placed or cancelled, or null for a halt, a resume or an end of day
     */
    public OrderView apply(Command command) {
        if (command instanceof Command.EndOfDay end) {
            closeDay(end);
            return null;
        }
        if (tradingDay == null) {
            // Without a snapshot, the journal's first command for the instrument says which day it was trading.
            tradingDay = marketDay.of(command.at());
        }
        current = command;
        try {
            if (command instanceof Command.PlaceLimit place) {
                Order order = register(new Order(place.orderId(), place.party(), place.clientOrderId(), instrument,
                        place.side(), place.price(), 0, place.quantity(), place.at()));
                expect(book.place(order.id, owner(order.party), order.side, order.price, order.quantity), command);
                return order.view();
            }
            if (command instanceof Command.TakeAtLevel take) {
                Order order = register(new Order(take.orderId(), take.party(), take.clientOrderId(), instrument,
                        take.side(), 0, take.level(), take.quantity(), take.at()));
                ResultCode result = book.takeAtLevel(order.id, owner(order.party), order.side, order.level,
                        order.quantity);
                if (result == ResultCode.NO_SUCH_LEVEL) {
                    order.rejectedFor = result;
                    order.cancelled = order.quantity;
                } else {
                    expect(result, command);
                }
                return order.view();
            }
            if (command instanceof Command.Cancel cancel) {
                expect(book.cancel(cancel.orderId()), command);
                return orders.get(cancel.orderId()).view();
            }
            halted = command instanceof Command.Halt;
            return null;
        } finally {
            current = null;
        }
    }

    /**
     * Ends the engine's trading day (an {@link Command.EndOfDay} that passed {@link #check}, or from the journal):
     * every open order expires, the day's close becomes the next day's previous close with its band, and the
     * book, orders, fills and reference prices start afresh. Applying it again for a day already closed changes
     * nothing and reports nothing expired.
     */
    public DayClose closeDay(Command.EndOfDay end) {
        if (!end.closes().equals(tradingDay)) {
            return new DayClose(instrument, end.closes(), prices.previousClose(), tradingDay, List.of());
        }
        orders.values().stream().filter(order -> order.open() > 0).forEach(Order::expire);
        List<OrderView> day = orders();
        long close = prices.close();
        orders.clear();
        fills.clear();
        open(end.opens(), close);
        return new DayClose(instrument, end.closes(), close, end.opens(), day);
    }

    private Order register(Order order) {
        if (orders.putIfAbsent(order.id, order) != null) {
            throw new IllegalStateException("order id " + order.id + " was applied twice to " + instrument);
        }
        return order;
    }

    private int owner(PartyId party) {
        return owners.computeIfAbsent(party, p -> owners.size() + 1);
    }

    private static void expect(ResultCode result, Command command) {
        if (!result.accepted()) {
            throw new IllegalStateException("the book refused a checked command (" + result + "): " + command);
        }
    }

    public boolean halted() {
        return halted;
    }

    public Optional<OrderView> order(long orderId) {
        return Optional.ofNullable(orders.get(orderId)).map(Order::view);
    }

    /** Every order of the instrument, oldest first. */
    public List<OrderView> orders() {
        return orders.values().stream().sorted((a, b) -> Long.compare(a.id, b.id)).map(Order::view).toList();
    }

    public List<OrderView> orders(PartyId party) {
        return orders.values().stream().filter(o -> o.party.equals(party))
                .sorted((a, b) -> Long.compare(a.id, b.id)).map(Order::view).toList();
    }

    /** The party's fills, as buyer or seller, in execution order. */
    public List<Fill> fills(PartyId party) {
        return fills.stream().filter(f -> f.buyer().equals(party) || f.seller().equals(party)).toList();
    }

    /** How many fills the engine has made this trading day: with {@link #fillsSince} a caller picks out a command's
     * fills. */
    public int fillCount() {
        return fills.size();
    }

    /** The fills from the {@code from}-th on, in execution order. */
    public List<Fill> fillsSince(int from) {
        return List.copyOf(fills.subList(from, fills.size()));
    }

    /** The price of the counterparty's {@code level}-th best level for a taker on {@code side}, if it exists. */
    public OptionalLong levelPrice(Side side, int level) {
        book.depth(depth);
        Side counterparty = side == Side.BUY ? Side.SELL : Side.BUY;
        return level <= depth.levels(counterparty)
                ? OptionalLong.of(depth.price(counterparty, level - 1)) : OptionalLong.empty();
    }

    public BookDepth depth() {
        book.depth(depth);
        return new BookDepth(instrument, levels(Side.BUY), levels(Side.SELL), prices.previousClose(), prices.last(),
                prices.volume(), halted);
    }

    private List<BookDepth.Level> levels(Side side) {
        List<BookDepth.Level> levels = new ArrayList<>(depth.levels(side));
        for (int i = 0; i < depth.levels(side); i++) {
            levels.add(new BookDepth.Level(depth.price(side, i), depth.quantity(side, i), depth.orders(side, i)));
        }
        return levels;
    }

    /** Keeps the orders' quantities and the fills in step with what the book reports. */
    private final class Events implements BookEvents {

        @Override
        public void traded(long makerOrderId, long takerOrderId, Side takerSide, long price, long quantity,
                           long makerRemaining, long takerRemaining) {
            Order maker = orders.get(makerOrderId);
            Order taker = orders.get(takerOrderId);
            long value = Math.multiplyExact(price, quantity);
            for (Order order : new Order[] {maker, taker}) {
                order.filled += quantity;
                order.filledValue = Math.addExact(order.filledValue, value);
            }
            Order buy = takerSide == Side.BUY ? taker : maker;
            Order sell = takerSide == Side.BUY ? maker : taker;
            long sequence = ++fillSequence;
            Fill fill = new Fill(instrument + "-" + sequence, instrument, sequence, buy.id, buy.party, sell.id,
                    sell.party, maker.id, price, quantity, current.at());
            fills.add(fill);
            prices.record(price, quantity);
            listener.filled(fill);
        }

        @Override
        public void rested(long orderId, Side side, long price, long quantity) {
            // The order's open quantity is what is neither filled nor cancelled; resting changes neither.
        }

        @Override
        public void cancelled(long orderId, long quantity, CancelReason reason) {
            Order order = orders.get(orderId);
            order.cancelled += quantity;
            order.cancelReason = reason;
        }
    }
}
