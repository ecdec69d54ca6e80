package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.risk.RiskPosition;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.trading.engine.Fill;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.engine.Refusal;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.contracts.trade.FeeSchedule;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import cn.carbonmarket.trading.rules.RiskRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Pre-trade risk in memory: every party's cash and units, what its open orders and off-book commitments reserve
 * (each under its {@link ReservationKey}) and what withdrawal holds set aside ({@link WithdrawalHoldBook}). Plain
 * Java without I/O; each change of a party happens under that party's lock, so reservations from different
 * instruments' desks, fills, settlement's reports and withdrawal holds never see a half-made change.
 *
 * <p>A buy reserves, per tonne, its limit price and the most fee a tonne can cost ({@link TradePricing}), so a fill
 * never costs more than it releases; a sell reserves its tonnes. A fill turns the reservation into changes of both
 * parties' balances, kept under the settlement entry id ({@code TRADE:<trade id>}) that will report them.
 *
 * <p>T+1 counts trading days, which are national: what a trade brings in (the buyer's units, the seller's proceeds)
 * is sellable or withdrawable from the next trading day after the trade's, so Friday's from Monday and the last
 * day's before a holiday week from the day trading resumes.
 */
public final class RiskBook {

    public static final String CASH = "CNY";

    /** An open order's reservation: {@code perTonne} of {@code asset} for each of its {@code open} tonnes. */
    private static final class Reservation {
        final PartyId party;
        final InstrumentCode instrument;
        final Side side;
        final long perTonne;
        long open;

        Reservation(PartyId party, InstrumentCode instrument, Side side, long perTonne, long open) {
            this.party = party;
            this.instrument = instrument;
            this.side = side;
            this.perTonne = perTonne;
            this.open = open;
        }

        String asset() {
            return side == Side.BUY ? CASH : instrument.toString();
        }
    }

    private final TradePricing pricing;
    private final TradingCalendar calendar;
    private final Function<InstrumentCode, RiskRules> rules;
    private final Map<PartyId, PartyAccount> parties = new ConcurrentHashMap<>();
    private final Map<ReservationKey, Reservation> reservations = new ConcurrentHashMap<>();
    private final WithdrawalHoldBook holds = new WithdrawalHoldBook(this::account);

    public RiskBook(FeeSchedule fees, TradingCalendar calendar, Function<InstrumentCode, RiskRules> rules) {
        this.pricing = new TradePricing(fees);
        this.calendar = calendar;
        this.rules = rules;
    }

    /** The fees and values of trades, by the schedule this book reserves by. */
    public TradePricing pricing() {
        return pricing;
    }

    public WithdrawalHoldBook withdrawals() {
        return holds;
    }

    /**
     * Reserves what an order may need, or says why it cannot be placed and changes nothing. A buy needs its cash
     * and room under the position limit; a sell needs units bought before the last trading day (T+1).
     */
    public Optional<Refusal> reserve(long orderId, PartyId party, InstrumentCode instrument, Side side, long price,
                                     long quantity, LocalDate today) {
        return reserve(new ReservationKey.Order(orderId), TradeMode.CONTINUOUS, party, instrument, side, price,
                quantity, today);
    }

    /**
     * Reserves what an off-book commitment may need (an auction bid: price and the most fee of its mode per tonne;
     * an auction's volume: the seller's tonnes) under {@code key}, or says why not and changes nothing.
     */
    public Optional<Refusal> reserve(ReservationKey.OffBook key, TradeMode mode, PartyId party,
                                     InstrumentCode instrument, Side side, long price, long quantity,
                                     LocalDate today) {
        return reserve((ReservationKey) key, mode, party, instrument, side, price, quantity, today);
    }

    private Optional<Refusal> reserve(ReservationKey key, TradeMode mode, PartyId party, InstrumentCode instrument,
                                      Side side, long price, long quantity, LocalDate today) {
        PartyAccount account = account(party);
        synchronized (account) {
            AssetPosition units = account.asset(instrument.toString());
            if (side == Side.BUY) {
                long perTonne = pricing.buyPerTonne(mode, price);
                Optional<Refusal> refusal = buyRefusal(account, instrument, quantity,
                        Math.multiplyExact(perTonne, quantity));
                if (refusal.isPresent()) {
                    return refusal;
                }
                account.asset(CASH).reserve(Math.multiplyExact(perTonne, quantity));
                units.openBuys(quantity);
                reservations.put(key, new Reservation(party, instrument, side, perTonne, quantity));
            } else {
                Optional<Refusal> refusal = sellRefusal(units, instrument, quantity, today);
                if (refusal.isPresent()) {
                    return refusal;
                }
                units.reserve(quantity);
                reservations.put(key, new Reservation(party, instrument, side, 1, quantity));
            }
            return Optional.empty();
        }
    }

    /** Why a buy of {@code quantity} needing {@code need} fen cannot be made, if it cannot. Under the party's lock. */
    private Optional<Refusal> buyRefusal(PartyAccount account, InstrumentCode instrument, long quantity, long need) {
        AssetPosition units = account.asset(instrument.toString());
        long limit = rules.apply(instrument).positionLimit();
        long after = Math.addExact(Math.addExact(units.balance(), units.openBuys()), quantity);
        if (after > limit) {
            return refuse("POSITION_LIMIT", "holding and open buys of " + instrument + " would reach " + after
                    + " t, above the position limit of " + limit + " t");
        }
        AssetPosition cash = account.asset(CASH);
        if (cash.free() < need) {
            return refuse("INSUFFICIENT_CASH", "the trade needs " + need + " fen (value and the most fee it can"
                    + " cost); " + Math.max(0, cash.free()) + " fen are free");
        }
        return Optional.empty();
    }

    /** Why a sale of {@code quantity} on {@code today} cannot be made, if it cannot (T+1). Under the party's lock. */
    private static Optional<Refusal> sellRefusal(AssetPosition units, InstrumentCode instrument, long quantity,
                                                 LocalDate today) {
        if (units.freeBeyond(today) >= quantity) {
            return Optional.empty();
        }
        return units.free() >= quantity
                ? refuse("T_PLUS_ONE", "units of " + instrument + " bought on a trading day can be sold from the"
                        + " next one; " + units.freeBeyond(today) + " t can be sold now")
                : refuse("INSUFFICIENT_UNITS", "the sale of " + quantity + " t of " + instrument
                        + " exceeds the " + Math.max(0, units.free()) + " t that are free");
    }

    /**
     * An off-book trade (an accepted block offer), checked and booked at once: the buyer needs its value and fee
     * in free cash and room under the position limit, the seller units it may sell today (T+1). Both parties'
     * locks are held together (taken in party id order, so two such trades never wait on each other crosswise),
     * so nothing comes between the check and the booking. Refused, it changes nothing. A block trade is how a
     * party crosses the large-trader line in one step, so the crossing is judged here as for a fill.
     */
    public Execution execute(TradeExecuted trade, LocalDate today) {
        PartyAccount buyer = account(trade.buyerPartyId());
        PartyAccount seller = account(trade.sellerPartyId());
        boolean buyerFirst = trade.buyerPartyId().value().compareTo(trade.sellerPartyId().value()) < 0;
        OptionalLong crossed;
        synchronized (buyerFirst ? buyer : seller) {
            synchronized (buyerFirst ? seller : buyer) {
                long value = Math.multiplyExact(trade.priceFen(), trade.quantity());
                Optional<Refusal> refusal = buyRefusal(buyer, trade.instrument(), trade.quantity(),
                        Math.addExact(value, trade.buyerFeeFen()))
                        .or(() -> sellRefusal(seller.asset(trade.instrument().toString()), trade.instrument(),
                                trade.quantity(), today));
                if (refusal.isPresent()) {
                    return new Execution.Refused(refusal.get());
                }
                List<BalanceChange> changes = BalanceChange.of(trade);
                crossed = toBuyer(buyer, trade, changes);
                apply(seller, changes.subList(2, 4));
            }
        }
        arrivedOn(trade, today);
        return new Execution.Booked(new FilledTrade(trade, crossed));
    }

    /** Takes back a trade {@link #execute} booked whose recording then failed. */
    public void undo(TradeExecuted trade, LocalDate day) {
        for (BalanceChange change : BalanceChange.of(trade)) {
            unreported(new BalanceChange(change.party(), change.entryId(), change.asset(), -change.delta()));
        }
        arrivedOn(trade, day, -1);
    }

    /** Reinstates an open order's reservation after a restart, without checks: it was accepted once. */
    public void restore(long orderId, PartyId party, InstrumentCode instrument, Side side, long price, long open) {
        restore(new ReservationKey.Order(orderId), TradeMode.CONTINUOUS, party, instrument, side, price, open);
    }

    /**
     * Reinstates an open off-book reservation on start, as {@link #reserve(ReservationKey.OffBook, TradeMode,
     * PartyId, InstrumentCode, Side, long, long, LocalDate)} made it.
     */
    public void restore(OffBookCommitment commitment) {
        restore(commitment.key(), commitment.mode(), commitment.party(), commitment.instrument(), commitment.side(),
                commitment.price(), commitment.quantity());
    }

    private void restore(ReservationKey key, TradeMode mode, PartyId party, InstrumentCode instrument, Side side,
                         long price, long open) {
        PartyAccount account = account(party);
        synchronized (account) {
            long perTonne = side == Side.BUY ? pricing.buyPerTonne(mode, price) : 1;
            Reservation reservation = new Reservation(party, instrument, side, perTonne, open);
            account.asset(reservation.asset()).reserve(Math.multiplyExact(perTonne, open));
            if (side == Side.BUY) {
                account.asset(instrument.toString()).openBuys(open);
            }
            reservations.put(key, reservation);
        }
    }

    /** The order has {@code open} tonnes left (after a cancel or an immediate-or-cancel remainder): free the rest. */
    public void orderOpen(long orderId, long open) {
        leave(new ReservationKey.Order(orderId), open);
    }

    /** Frees all that is left of an off-book reservation (an auction closed or cancelled, a bid not filled). */
    public void releaseReservation(ReservationKey.OffBook key) {
        leave(key, 0);
    }

    private void leave(ReservationKey key, long open) {
        Reservation reservation = reservations.get(key);
        if (reservation == null) {
            return;
        }
        PartyAccount account = account(reservation.party);
        synchronized (account) {
            consume(account, reservation, reservation.open - open);
            if (open == 0) {
                reservations.remove(key);
            }
        }
    }

    /**
     * A fill on {@code day}: the buyer pays value and fee from its reservation and gets the units (sellable from the
     * next trading day), the seller delivers reserved units and gets value less fee (usable to buy at once,
     * withdrawable from the next trading day).
     */
    public FilledTrade fill(Fill fill, LocalDate day) {
        return fill(pricing.trade(fill), new ReservationKey.Order(fill.buyOrderId()),
                new ReservationKey.Order(fill.sellOrderId()), day);
    }

    /** An off-book trade filling reservations made under {@code buyKey} and {@code sellKey} (an auction's). */
    public FilledTrade fill(TradeExecuted trade, ReservationKey.OffBook buyKey, ReservationKey.OffBook sellKey,
                            LocalDate day) {
        return fill(trade, (ReservationKey) buyKey, sellKey, day);
    }

    private FilledTrade fill(TradeExecuted trade, ReservationKey buyKey, ReservationKey sellKey, LocalDate day) {
        List<BalanceChange> changes = BalanceChange.of(trade);
        OptionalLong crossed;
        PartyAccount buyer = account(trade.buyerPartyId());
        synchronized (buyer) {
            consumeFill(buyer, buyKey, trade.quantity());
            crossed = toBuyer(buyer, trade, changes);
        }
        PartyAccount seller = account(trade.sellerPartyId());
        synchronized (seller) {
            consumeFill(seller, sellKey, trade.quantity());
            apply(seller, changes.subList(2, 4));
        }
        arrivedOn(trade, day);
        return new FilledTrade(trade, crossed);
    }

    /**
     * Books the buyer's side of a trade (the first two of its {@code changes}), under the buyer's lock: the
     * buyer's holding after it if it took the holding across the large-trader line, once, as it crossed.
     */
    private OptionalLong toBuyer(PartyAccount buyer, TradeExecuted trade, List<BalanceChange> changes) {
        AssetPosition units = buyer.asset(trade.instrument().toString());
        long before = units.balance();
        apply(buyer, changes.subList(0, 2));
        long after = units.balance();
        long threshold = rules.apply(trade.instrument()).largeTraderThreshold();
        return before < threshold && after >= threshold ? OptionalLong.of(after) : OptionalLong.empty();
    }

    private static void apply(PartyAccount account, List<BalanceChange> changes) {
        changes.forEach(change -> account.asset(change.asset()).change(change.entryId(), change.delta()));
    }

    /**
     * Marks what a trade of {@code day} brought in as arrived that day: the buyer's units (sellable from the next
     * trading day) and the seller's proceeds (withdrawable from the next trading day). Also for trades replayed
     * after a restart.
     */
    public void arrivedOn(TradeExecuted trade, LocalDate day) {
        arrivedOn(trade, day, 1);
    }

    private void arrivedOn(TradeExecuted trade, LocalDate day, long sign) {
        LocalDate usableFrom = calendar.nextTradingDay(day);
        PartyAccount buyer = account(trade.buyerPartyId());
        synchronized (buyer) {
            buyer.asset(trade.instrument().toString()).arrivedOn(day, usableFrom, sign * trade.quantity());
        }
        PartyAccount seller = account(trade.sellerPartyId());
        synchronized (seller) {
            seller.asset(CASH).arrivedOn(day, usableFrom, sign * (Math.multiplyExact(trade.priceFen(),
                    trade.quantity()) - trade.sellerFeeFen()));
        }
    }

    private void consumeFill(PartyAccount account, ReservationKey key, long quantity) {
        Reservation reservation = reservations.get(key);
        if (reservation != null) {
            consume(account, reservation, quantity);
            if (reservation.open == 0) {
                reservations.remove(key);
            }
        }
    }

    private static void consume(PartyAccount account, Reservation reservation, long tonnes) {
        account.asset(reservation.asset()).release(Math.multiplyExact(reservation.perTonne, tonnes));
        if (reservation.side == Side.BUY) {
            account.asset(reservation.instrument.toString()).openBuys(-tonnes);
        }
        reservation.open -= tonnes;
    }

    /** A change settlement has not reported yet (a trade recorded before a restart, units moved into trading). */
    public void unreported(BalanceChange change) {
        PartyAccount account = account(change.party());
        synchronized (account) {
            account.asset(change.asset()).change(change.entryId(), change.delta());
        }
    }

    /**
     * Settlement reported ledger entries {@code entryIds} for the party (a cleared batch is one report), with its
     * balances after them: they replace what trading knew, the entries' own changes are no longer pending, and
     * holds waiting for them end.
     */
    public void reported(PartyId party, List<String> entryIds, Map<String, Long> balances) {
        PartyAccount account = account(party);
        synchronized (account) {
            balances.forEach((asset, balance) -> account.asset(asset).settle(balance));
            entryIds.forEach(entryId -> account.assets().values().forEach(position -> position.reported(entryId)));
            holds.reported(party, account, entryIds);
        }
    }

    public void settle(PartyId party, String asset, long balance) {
        PartyAccount account = account(party);
        synchronized (account) {
            account.asset(asset).settle(balance);
        }
    }

    public List<AssetBalance> balances(PartyId party, LocalDate today) {
        PartyAccount account = account(party);
        synchronized (account) {
            List<AssetBalance> balances = new ArrayList<>();
            account.assets().forEach((asset, p) -> balances.add(new AssetBalance(asset, p.balance(), p.reserved(),
                    p.held(), p.free(), p.freeBeyond(today))));
            return balances;
        }
    }

    public List<RiskPosition> positions() {
        List<RiskPosition> positions = new ArrayList<>();
        parties.forEach((party, account) -> {
            synchronized (account) {
                account.assets().forEach((asset, p) -> positions.add(new RiskPosition(party, asset, p.balance(),
                        p.reserved(), p.held())));
            }
        });
        return positions;
    }

    public static String tradeEntry(String tradeId) {
        return "TRADE:" + tradeId;
    }

    private PartyAccount account(PartyId party) {
        return parties.computeIfAbsent(party, p -> new PartyAccount());
    }

    private static Optional<Refusal> refuse(String code, String message) {
        return Optional.of(new Refusal(code, message));
    }
}
