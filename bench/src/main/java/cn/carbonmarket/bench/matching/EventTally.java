package cn.carbonmarket.bench.matching;

import cn.carbonmarket.trading.orderbook.BookEvents;
import cn.carbonmarket.trading.orderbook.CancelReason;
import cn.carbonmarket.contracts.trade.Side;

/** The cheapest consumer of book events that still uses them: trades, and traded, rested and cancelled tonnes. */
final class EventTally implements BookEvents {

    long trades;
    long traded;
    long rested;
    long cancelled;

    @Override
    public void traded(long makerOrderId, long takerOrderId, Side takerSide, long price, long quantity,
                       long makerRemaining, long takerRemaining) {
        trades++;
        traded += quantity;
    }

    @Override
    public void rested(long orderId, Side side, long price, long quantity) {
        rested += quantity;
    }

    @Override
    public void cancelled(long orderId, long quantity, CancelReason reason) {
        cancelled += quantity;
    }
}
