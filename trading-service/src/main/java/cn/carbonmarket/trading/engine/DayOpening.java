package cn.carbonmarket.trading.engine;

import java.time.LocalDate;

/**
 * What an engine starts a trading day from: the day, the previous close its band is drawn around, and the last
 * fill sequence so far (trade ids go on from it rather than start again with the day).
 *
 * @param day           the trading day, or null for "the day of the first command" (no snapshot yet)
 * @param previousClose in fen
 */
public record DayOpening(LocalDate day, long previousClose, long fillSequence) {

    /** A first day drawn around the listed reference price, before any trade. */
    public static DayOpening listed(long previousClose) {
        return new DayOpening(null, previousClose, 0);
    }
}
