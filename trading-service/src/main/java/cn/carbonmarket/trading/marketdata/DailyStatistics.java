package cn.carbonmarket.trading.marketdata;

import cn.carbonmarket.contracts.event.TradePrinted;
import java.time.LocalDate;

/**
 * One instrument's trading day: the reference prices (fen) from its price-forming trades and the volume,
 * turnover and trade count of all its trades, block trades included. Without a price-forming trade the open,
 * high, low, last and close are the previous close (the same rule as {@link DailyPrices}).
 *
 * @param firstFen the first price-forming trade's price, null before it
 * @param lastFen  the latest price-forming trade's price, null before the first
 */
public record DailyStatistics(String instrument, LocalDate tradingDay, long previousCloseFen, Long firstFen,
                              Long highFen, Long lowFen, Long lastFen, long pricedVolume, long pricedTurnoverFen,
                              long volume, long turnoverFen, int trades) {

    /** A day before its first trade, drawn around the previous trading day's close. */
    public static DailyStatistics opening(String instrument, LocalDate tradingDay, long previousCloseFen) {
        return new DailyStatistics(instrument, tradingDay, previousCloseFen, null, null, null, null, 0, 0, 0, 0, 0);
    }

    /** The day with {@code trade}, the latest trade so far, added. */
    DailyStatistics with(TradePrinted trade) {
        long value = Math.multiplyExact(trade.priceFen(), trade.quantity());
        long volume = Math.addExact(this.volume, trade.quantity());
        long turnover = Math.addExact(turnoverFen, value);
        if (!PriceFormation.setsPrices(trade)) {
            return new DailyStatistics(instrument, tradingDay, previousCloseFen, firstFen, highFen, lowFen, lastFen,
                    pricedVolume, pricedTurnoverFen, volume, turnover, trades + 1);
        }
        long price = trade.priceFen();
        return new DailyStatistics(instrument, tradingDay, previousCloseFen, firstFen == null ? price : firstFen,
                highFen == null ? price : Math.max(highFen, price), lowFen == null ? price : Math.min(lowFen, price),
                price, Math.addExact(pricedVolume, trade.quantity()), Math.addExact(pricedTurnoverFen, value), volume,
                turnover, trades + 1);
    }

    /** The first price-forming trade, else the previous close. */
    public long open() {
        return firstFen == null ? previousCloseFen : firstFen;
    }

    public long high() {
        return highFen == null ? previousCloseFen : highFen;
    }

    public long low() {
        return lowFen == null ? previousCloseFen : lowFen;
    }

    public long last() {
        return lastFen == null ? previousCloseFen : lastFen;
    }

    /** The volume-weighted average of the price-forming trades, else the previous close. */
    public long close() {
        return DailyPrices.close(pricedTurnoverFen, pricedVolume, previousCloseFen);
    }
}
