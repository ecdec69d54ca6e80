package cn.carbonmarket.bench.matching;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code ./market bench matching}: JMH throughput of the matching core on the market mix, then per-command latency
 * percentiles in this JVM, ending with RESULT lines. The machine's cores are shared with other work: figures
 * vary from run to run accordingly.
 */
public final class MatchingBench {

    private static final int WARMUP_PASSES = 30;
    private static final int MEASURED_PASSES = 20;

    private MatchingBench() {
    }

    public static void main(String[] args) throws Exception {
        MarketMix mix = MarketMix.generate(MatchingBenchmark.SEED, MatchingBenchmark.COMMANDS);
        System.out.println("mix: " + mix.description);

        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(MatchingBenchmark.class.getName()).build()).run();
        double opsPerSecond = results.iterator().next().getPrimaryResult().getScore();

        MatchingLatency latency = new MatchingLatency(mix);
        latency.measure(WARMUP_PASSES);
        long[] sorted = latency.measure(MEASURED_PASSES);
        long timer = MatchingLatency.timerOverhead();
        System.out.printf("latency over %d commands, each sample including one timer read (%d ns); max %d ns "
                + "(checksum %d)%n", sorted.length, timer, sorted[sorted.length - 1], latency.checksum());

        System.out.printf("RESULT matching.ops %.0f ops/s%n", opsPerSecond);
        System.out.printf("RESULT matching.p50 %d ns%n", MatchingLatency.perMille(sorted, 500));
        System.out.printf("RESULT matching.p99 %d ns%n", MatchingLatency.perMille(sorted, 990));
        System.out.printf("RESULT matching.p999 %d ns%n", MatchingLatency.perMille(sorted, 999));
        System.out.printf("RESULT matching.timer %d ns%n", timer);
    }
}
