package cn.carbonmarket.trading.marketdata;

/**
 * One instrument's trading over a span of trading days, from the daily statistics: trades, volume and turnover of
 * all its trades (block trades and auctions included), the highest and lowest price-forming trade, and the close
 * of the span's last day.
 *
 * @param highFen      the highest price-forming trade, null when the span had none
 * @param lowFen       the lowest price-forming trade, null when the span had none
 * @param lastCloseFen the close of the span's last day (its volume-weighted average, else the close carried from
 *                     the latest earlier day, else the listed reference price)
 */
public record PeriodStatistics(String instrument, long trades, long volume, long turnoverFen, Long highFen,
                               Long lowFen, long lastCloseFen) {

    /** The volume-weighted average price of all the span's trades, half up to the fen; null without trades. */
    public Long vwapFen() {
        return volume == 0 ? null : DailyPrices.close(turnoverFen, volume, 0);
    }
}
