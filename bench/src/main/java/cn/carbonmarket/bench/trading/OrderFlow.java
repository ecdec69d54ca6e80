package cn.carbonmarket.bench.trading;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench's limit orders: a random listed instrument, a few ticks around its previous close with buyers leaning
 * low and sellers high, so that some orders cross at once and the rest rest in the book, 1 to 20 t each.
 */
final class OrderFlow {

    private static final int SPREAD_TICKS = 8;

    private final long[] previousCloses;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();

    /** @param previousCloses per instrument of {@link OrderLoad#INSTRUMENTS}, in fen */
    OrderFlow(long[] previousCloses) {
        this.previousCloses = previousCloses.clone();
    }

    String next(boolean buy) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int instrument = random.nextInt(previousCloses.length);
        // Buyers bid from 8 ticks below to 4 above the close, sellers ask from 4 below to 8 above: they overlap.
        int ticks = random.nextInt(-SPREAD_TICKS, SPREAD_TICKS / 2 + 1);
        long price = previousCloses[instrument] + (buy ? ticks : -ticks);
        return """
                {"clientOrderId":"bench-%s-%d","instrument":"%s","side":"%s","priceFen":%d,"quantity":%d}"""
                .formatted(run, sequence.incrementAndGet(), OrderLoad.INSTRUMENTS.get(instrument),
                        buy ? "BUY" : "SELL", price, random.nextInt(1, 21));
    }
}
