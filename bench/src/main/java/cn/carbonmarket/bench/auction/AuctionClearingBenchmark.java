package cn.carbonmarket.bench.auction;

import cn.carbonmarket.trading.auction.ClearingOutcome;
import cn.carbonmarket.trading.auction.SealedBid;
import cn.carbonmarket.trading.auction.SupplyCurve;
import cn.carbonmarket.trading.auction.UniformPriceClearing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code ./market bench auction-clearing}: one primary auction's close, clearing 1,000,000 sealed bids from 10,000
 * bidders (100 each, their own in-house limit of five bids aside: this measures the clearing) against a supply curve
 * with a floor withholding and a containment release, the way the close hands them over (in bid id order). Bids are
 * 1 to 3 lots of 100 t on 2,001 price steps around the supply's thresholds, placed at random seconds of a two-hour
 * window, so that hundreds share the clearing price and its remainder lots are handed out by time of bid. Target:
 * at most 1 s per clearing. Ends with {@code RESULT auction.clearing.1m_bids <ms> ms}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class AuctionClearingBenchmark {

    static final int BIDDERS = 10_000;
    static final int BIDS_EACH = 100;
    static final long LOT = 100;
    static final long RESERVE = 9_000;
    /** V = 80,000,000 t, W = 8,000,000 t below 9,500 fen, R = 10,000,000 t from 10,800 fen: demand covers V 2.5 times. */
    static final SupplyCurve SUPPLY = SupplyCurve.fixed(80_000_000, LOT).withFloor(9_500, 8_000_000)
            .withRelease(10_800, 10_000_000);
    private static final long SEED = 20_261_125;
    private static final Instant OPENS = Instant.parse("2026-11-25T02:00:00Z");

    private List<SealedBid> bids;

    @Setup(Level.Trial)
    public void generate() {
        bids = generate(SEED);
    }

    @Benchmark
    public ClearingOutcome clear() {
        return UniformPriceClearing.clear(SUPPLY, RESERVE, bids);
    }

    /** The bids in id order; bidder b's bids are ids b*100+1 .. b*100+100, prices 9,000 to 11,000 fen. */
    static List<SealedBid> generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SealedBid> generated = new ArrayList<>(BIDDERS * BIDS_EACH);
        long id = 0;
        for (int bidder = 0; bidder < BIDDERS; bidder++) {
            for (int i = 0; i < BIDS_EACH; i++) {
                generated.add(new SealedBid(++id, RESERVE + random.nextInt(2_001), LOT * (1 + random.nextInt(3)),
                        OPENS.plusSeconds(random.nextInt(7_200))));
            }
        }
        return generated;
    }

    public static void main(String[] args) throws Exception {
        ClearingOutcome sample = UniformPriceClearing.clear(SUPPLY, RESERVE, generate(SEED));
        if (sample instanceof ClearingOutcome.Cleared cleared) {
            System.out.printf("clearing: %d bids, demand %d t, price %d fen, sold %d t (V %d t, V + R %d t)%n",
                    BIDDERS * BIDS_EACH, cleared.demand(), cleared.price(), cleared.sold(), SUPPLY.volume(),
                    SUPPLY.offered());
        }
        // JMH's score is the mean time of a clearing in ms (a duration, not money or tonnes): whole milliseconds.
        long millis = Math.round(new Runner(new OptionsBuilder().include(AuctionClearingBenchmark.class.getName())
                .build()).run().iterator().next().getPrimaryResult().getScore());
        System.out.printf("RESULT auction.clearing.1m_bids %d ms%n", millis);
    }
}
