package cn.carbonmarket.trading.surveillance;

import cn.carbonmarket.contracts.event.AbnormalTradingAlert;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.engine.Fill;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Watches one instrument for a party whose own trades move the price too far: each trade moves the price from the
 * last one to its own, and the party that sent the incoming (taker) order made that move. When one party's moves
 * within the window add up to more than the limit (a share of the daily band), it raises an alert and starts
 * counting afresh. Plain Java, used by the instrument's desk thread only.
 */
public final class PriceMoveWatch {

    private static final long BASIS_POINTS = 10_000;

    private record Move(Instant at, long fen) {
    }

    private final InstrumentCode instrument;
    private final long limitFen;
    private final Duration window;
    private final Map<PartyId, Deque<Move>> moves = new HashMap<>();
    private long last;

    /**
     * @param previousClose        the price the day's band is drawn around
     * @param last                 the last trade's price (the previous close before the day's first trade)
     * @param bandBasisPoints      the band's half-width as a share of the previous close
     * @param bandShareBasisPoints the share of that half-width one party may move the price by
     */
    public PriceMoveWatch(InstrumentCode instrument, long previousClose, long last, long bandBasisPoints,
                          long bandShareBasisPoints, Duration window) {
        this.instrument = instrument;
        this.limitFen = Math.multiplyExact(previousClose, bandBasisPoints) / BASIS_POINTS * bandShareBasisPoints
                / BASIS_POINTS;
        this.window = window;
        this.last = last;
    }

    public long limitFen() {
        return limitFen;
    }

    public Optional<AbnormalTradingAlert> traded(Fill fill) {
        PartyId taker = fill.makerOrderId() == fill.buyOrderId() ? fill.seller() : fill.buyer();
        long move = fill.price() - last;
        last = fill.price();
        Deque<Move> mine = moves.computeIfAbsent(taker, p -> new ArrayDeque<>());
        mine.addLast(new Move(fill.at(), move));
        Instant since = fill.at().minus(window);
        while (mine.getFirst().at().isBefore(since)) {
            mine.removeFirst();
        }
        long total = mine.stream().mapToLong(Move::fen).sum();
        if (Math.abs(total) <= limitFen) {
            return Optional.empty();
        }
        mine.clear();
        return Optional.of(new AbnormalTradingAlert(taker, instrument, fill.price() - total, fill.price(), limitFen,
                window.toSeconds(), fill.tradeId(), fill.at()));
    }
}
