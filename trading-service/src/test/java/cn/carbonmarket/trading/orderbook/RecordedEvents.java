package cn.carbonmarket.trading.orderbook;

import cn.carbonmarket.contracts.trade.Side;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a book reported, as values that two books' streams can be compared by. */
final class RecordedEvents implements BookEvents {

    sealed interface Event permits Traded, Rested, Cancelled {
    }

    record Traded(long maker, long taker, Side takerSide, long price, long quantity, long makerRemaining,
                  long takerRemaining) implements Event {
    }

    record Rested(long order, Side side, long price, long quantity) implements Event {
    }

    record Cancelled(long order, long quantity, CancelReason reason) implements Event {
    }

    final List<Event> events = new ArrayList<>();

    @Override
    public void traded(long makerOrderId, long takerOrderId, Side takerSide, long price, long quantity,
                       long makerRemaining, long takerRemaining) {
        events.add(new Traded(makerOrderId, takerOrderId, takerSide, price, quantity, makerRemaining,
                takerRemaining));
    }

    @Override
    public void rested(long orderId, Side side, long price, long quantity) {
        events.add(new Rested(orderId, side, price, quantity));
    }

    @Override
    public void cancelled(long orderId, long quantity, CancelReason reason) {
        events.add(new Cancelled(orderId, quantity, reason));
    }

    /** The events since {@code from}, for looking at what one command did. */
    List<Event> since(int from) {
        return List.copyOf(events.subList(from, events.size()));
    }

    List<Traded> trades() {
        return events.stream().filter(Traded.class::isInstance).map(Traded.class::cast).toList();
    }
}
