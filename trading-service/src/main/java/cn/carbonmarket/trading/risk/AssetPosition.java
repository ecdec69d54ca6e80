package cn.carbonmarket.trading.risk;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One party's balance of one asset (cash in fen or an instrument in tonnes) as pre-trade risk sees it: the last
 * balance settlement reported, plus the changes trading knows of that settlement has not reported yet (each under
 * the ledger entry id that will report it), less what open orders reserve and withdrawal holds set aside. Guarded
 * by its party's {@link PartyAccount}.
 */
final class AssetPosition {

    /** What the trades of one day brought in, and the day it becomes usable: the next trading day. */
    private record Arrival(LocalDate usableFrom, long amount) {

        Arrival plus(Arrival more) {
            return new Arrival(usableFrom, Math.addExact(amount, more.amount));
        }
    }

    private long settled;
    private final Map<String, Long> unreported = new HashMap<>();
    private long unreportedTotal;
    private long reserved;
    private long held;
    /** Tonnes open buy orders may still add: counted against the position limit. */
    private long openBuys;
    /** Bought units or sale proceeds by trade day, until they are sellable (units) or withdrawable (cash). */
    private final NavigableMap<LocalDate, Arrival> arrivals = new TreeMap<>();

    long balance() {
        return Math.addExact(settled, unreportedTotal);
    }

    long reserved() {
        return reserved;
    }

    long held() {
        return held;
    }

    long openBuys() {
        return openBuys;
    }

    /** What orders may still reserve. */
    long free() {
        return balance() - reserved - held;
    }

    /**
     * What may leave the market or, for units, be sold on {@code today}: free, less what trades up to today brought
     * in that is not usable yet.
     */
    long freeBeyond(LocalDate today) {
        long notYet = arrivals.headMap(today, true).values().stream()
                .filter(arrival -> arrival.usableFrom().isAfter(today)).mapToLong(Arrival::amount).sum();
        return Math.max(0, free() - notYet);
    }

    void settle(long balance) {
        settled = balance;
    }

    void change(String entryId, long delta) {
        unreported.merge(entryId, delta, Math::addExact);
        unreportedTotal = Math.addExact(unreportedTotal, delta);
    }

    /** Settlement reported {@code entryId}: its change is in the settled balance now. */
    void reported(String entryId) {
        Long delta = unreported.remove(entryId);
        if (delta != null) {
            unreportedTotal = Math.subtractExact(unreportedTotal, delta);
        }
    }

    void reserve(long amount) {
        reserved = Math.addExact(reserved, amount);
    }

    void release(long amount) {
        if (amount > reserved) {
            throw new IllegalStateException("releasing " + amount + " of a reservation of " + reserved);
        }
        reserved -= amount;
    }

    void hold(long amount) {
        held = Math.addExact(held, amount);
    }

    void unhold(long amount) {
        held = Math.subtractExact(held, amount);
    }

    void openBuys(long tonnes) {
        openBuys = Math.addExact(openBuys, tonnes);
    }

    /**
     * {@code amount} arrived on {@code day}, usable from {@code usableFrom}; what was usable by {@code day} is
     * forgotten, since no later day asks about it.
     */
    void arrivedOn(LocalDate day, LocalDate usableFrom, long amount) {
        arrivals.merge(day, new Arrival(usableFrom, amount), Arrival::plus);
        arrivals.values().removeIf(arrival -> !arrival.usableFrom().isAfter(day));
    }
}
