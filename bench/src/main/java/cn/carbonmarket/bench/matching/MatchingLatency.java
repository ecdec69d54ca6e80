package cn.carbonmarket.bench.matching;

import cn.carbonmarket.trading.orderbook.FastOrderBook;
import java.util.Arrays;

/**
 * Per-command latency of the matching core: each command of the flow timed with {@link System#nanoTime()} into a
 * plain long array, percentiles read from the sorted array. The figures include the cost of one timer read
 * (measured and reported alongside), which is of the order of a command itself.
 */
final class MatchingLatency {

    private final MarketMix mix;
    /** What the commands returned, kept so that the timed work cannot be optimised away. */
    private long checksum;

    MatchingLatency(MarketMix mix) {
        this.mix = mix;
    }

    /** Replays the flow {@code passes} times on fresh books and returns every command's time, sorted. */
    long[] measure(int passes) {
        int commands = mix.flow.size();
        long[] samples = new long[passes * commands];
        long sink = 0;
        for (int pass = 0; pass < passes; pass++) {
            EventTally events = new EventTally();
            FastOrderBook book = mix.openBook(events);
            int offset = pass * commands;
            for (int i = 0; i < commands; i++) {
                long start = System.nanoTime();
                sink += mix.flow.apply(book, i);
                samples[offset + i] = System.nanoTime() - start;
            }
            sink += events.traded;
        }
        checksum += sink;
        Arrays.sort(samples);
        return samples;
    }

    long checksum() {
        return checksum;
    }

    /** The median cost of reading the clock twice back to back, which every sample carries. */
    static long timerOverhead() {
        long[] samples = new long[1_000_000];
        for (int i = 0; i < samples.length; i++) {
            long start = System.nanoTime();
            samples[i] = System.nanoTime() - start;
        }
        Arrays.sort(samples);
        return samples[samples.length / 2];
    }

    /** The value at or below which {@code percentile} per mille of the sorted samples lie. */
    static long perMille(long[] sorted, int perMille) {
        int index = (int) Math.min(sorted.length - 1, (long) sorted.length * perMille / 1_000);
        return sorted[index];
    }
}
