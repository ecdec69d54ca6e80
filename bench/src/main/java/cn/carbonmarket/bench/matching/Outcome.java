package cn.carbonmarket.bench.matching;

import cn.carbonmarket.trading.orderbook.Depth;
import cn.carbonmarket.trading.orderbook.FastOrderBook;

/**
 * What a book ends with after the first commands of a mix, replayed outside any timing: every price level (price,
 * open tonnes, orders), the trades and the traded tonnes. Ours and exchange-core's must agree for their figures to
 * measure the same work.
 */
record Outcome(String depth, long trades, long tradedTonnes) {

    static Outcome ours(MarketMix mix, int commands) {
        EventTally events = new EventTally();
        FastOrderBook book = mix.openBook(events);
        for (int i = 0; i < commands; i++) {
            mix.flow.apply(book, i);
        }
        Depth depth = new Depth(Math.toIntExact(MarketMix.BAND.highest() - MarketMix.BAND.lowest() + 1));
        book.depth(depth);
        return new Outcome(depth.toString(), events.trades, events.traded);
    }

    static Outcome exchangeCore(MarketMix mix, int commands) {
        ExchangeCoreBook book = new ExchangeCoreBook(mix, ExchangeCoreBook.pool());
        for (int i = 0; i < commands; i++) {
            book.apply(mix.flow, i);
        }
        return new Outcome(book.depth(), book.trades, book.traded);
    }
}
