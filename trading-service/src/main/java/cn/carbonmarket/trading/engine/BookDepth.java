package cn.carbonmarket.trading.engine;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.util.List;

/**
 * An instrument's best price levels a side, best first, with the day's reference prices (fen) and whether the
 * operator halted it.
 */
public record BookDepth(InstrumentCode instrument, List<Level> bids, List<Level> asks, long previousClose,
                        long last, long volume, boolean halted) {

    public record Level(long price, long quantity, int orders) {
    }
}
