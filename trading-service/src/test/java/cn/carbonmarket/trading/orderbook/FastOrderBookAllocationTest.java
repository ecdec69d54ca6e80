package cn.carbonmarket.trading.orderbook;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.trade.Side;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Once sized for its peak, the fast book allocates nothing per command (the JVM counts the thread's bytes). */
class FastOrderBookAllocationTest {

    private static final class Ignored implements BookEvents {
        long tonnes;

        @Override
        public void traded(long makerOrderId, long takerOrderId, Side takerSide, long price, long quantity,
                           long makerRemaining, long takerRemaining) {
            tonnes += quantity;
        }

        @Override
        public void rested(long orderId, Side side, long price, long quantity) {
            tonnes += quantity;
        }

        @Override
        public void cancelled(long orderId, long quantity, CancelReason reason) {
            tonnes += quantity;
        }
    }

    private static void run(OrderBook book, SplittableRandom random, long firstId, int commands) {
        for (long id = firstId; id < firstId + commands; id++) {
            int dice = random.nextInt(10);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            // Few owners, so that self-trade prevention runs too.
            int owner = random.nextInt(8);
            if (dice < 3) {
                book.cancel(firstId + random.nextLong(Math.max(1, id - firstId)));
            } else if (dice == 9) {
                book.takeAtLevel(id, owner, side, 1 + random.nextInt(5), 1 + random.nextInt(100));
            } else {
                book.place(id, owner, side, 4_900 + random.nextInt(200), 1 + random.nextInt(100));
            }
        }
    }

    @Test
    void commandsAllocateNothingOnceWarm() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Ignored events = new Ignored();
        FastOrderBook book = new FastOrderBook(new PriceBand(4_500, 5_500), 1, 1 << 17, events);
        SplittableRandom random = new SplittableRandom(7);
        run(book, random, 1, 100_000);

        long before = threads.getCurrentThreadAllocatedBytes();
        run(book, random, 100_001, 100_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(events.tonnes).isPositive();
        assertThat(allocated).as("bytes allocated by 100,000 commands").isLessThan(1_024);
    }
}
