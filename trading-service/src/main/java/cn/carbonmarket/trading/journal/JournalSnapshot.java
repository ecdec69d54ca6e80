package cn.carbonmarket.trading.journal;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.engine.DayOpening;
import java.time.LocalDate;

/**
 * An instrument's engine right after an end of day, when its book is empty: the trading day it opened, that day's
 * previous close, the exchange's last order id and the instrument's fill sequence then, and the journal position of
 * the END_OF_DAY record. Replaying the instrument's records after that position rebuilds the engine.
 *
 * @param previousClose in fen
 */
public record JournalSnapshot(InstrumentCode instrument, LocalDate tradingDay, long previousClose, long lastOrderId,
                              long fillSequence, JournalPosition position) {

    public DayOpening opening() {
        return new DayOpening(tradingDay, previousClose, fillSequence);
    }

    /** Whether the record at {@code at} is already in this snapshot. */
    public boolean covers(JournalPosition at) {
        return at.partition() == position.partition() && at.offset() <= position.offset();
    }
}
