package cn.carbonmarket.trading.engine;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.LocalDate;
import java.util.List;

/**
 * What an {@link Command.EndOfDay} did: the day it closed with its close (fen) and the day it opened, and the
 * closed day's orders as they ended, which the engine no longer keeps. Those still open then are EXPIRED; their
 * reservations are released as after a cancel.
 */
public record DayClose(InstrumentCode instrument, LocalDate closed, long close, LocalDate opened,
                       List<OrderView> orders) {

    public List<OrderView> expired() {
        return orders.stream().filter(order -> order.state() == OrderState.EXPIRED).toList();
    }
}
