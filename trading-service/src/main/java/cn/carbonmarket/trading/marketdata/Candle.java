package cn.carbonmarket.trading.marketdata;

import cn.carbonmarket.contracts.event.TradePrinted;
import java.time.Instant;

/**
 * Open, high, low and close (fen) of the price-forming trades in one bucket, with the tonnes and fen of all its
 * trades. The prices are null in a bucket that saw only block trades: they count in volume but set no price.
 */
public record Candle(String instrument, CandleInterval interval, Instant start, Long openFen, Long highFen,
                     Long lowFen, Long closeFen, long volume, long turnoverFen, int trades) {

    /** An empty bucket, before its first trade. */
    static Candle empty(String instrument, CandleInterval interval, Instant start) {
        return new Candle(instrument, interval, start, null, null, null, null, 0, 0, 0);
    }

    /** This bucket with {@code trade}, the latest trade so far, added. */
    Candle with(TradePrinted trade) {
        long volume = Math.addExact(this.volume, trade.quantity());
        long turnover = Math.addExact(turnoverFen, Math.multiplyExact(trade.priceFen(), trade.quantity()));
        if (!PriceFormation.setsPrices(trade)) {
            return new Candle(instrument, interval, start, openFen, highFen, lowFen, closeFen, volume, turnover,
                    trades + 1);
        }
        long price = trade.priceFen();
        return new Candle(instrument, interval, start, openFen == null ? price : openFen,
                highFen == null ? price : Math.max(highFen, price), lowFen == null ? price : Math.min(lowFen, price),
                price, volume, turnover, trades + 1);
    }
}
