package cn.carbonmarket.trading.orderbook;

class ReferenceOrderBookTest extends OrderBookExamples {

    @Override
    OrderBook create(BookEvents events) {
        return new ReferenceOrderBook(events);
    }
}
