package cn.carbonmarket.bench.matching;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code ./market bench matching}: JMH throughput of the matching core on the market mix and, in the same JMH run,
 * ours against exchange-core's order book on two mixes (after checking outside the timing that both engines end
 * every mix with the same book and the same trades), then per-command latency percentiles in this JVM, ending
 * with RESULT lines. The machine's cores are shared with other work: figures vary from run to run accordingly.
 */
public final class MatchingBench {

    private static final int WARMUP_PASSES = 30;
    private static final int MEASURED_PASSES = 20;
    /** The figure name of each mix compared with exchange-core. */
    private static final String[][] PEER_FIGURES = {
            {"MARKET_WITH_IOC", "matching.our-mix.vs-exchange-core"},
            {"EXCHANGE_CORE", "matching.exchange-core-mix.vs-exchange-core"}};

    private MatchingBench() {
    }

    public static void main(String[] args) throws Exception {
        MarketMix mix = MarketMix.generate(MatchingBenchmark.SEED, MatchingBenchmark.COMMANDS);
        System.out.println("mix: " + mix.description);
        for (String[] figure : PEER_FIGURES) {
            MarketMix peerMix = MarketMix.generate(MatchingBenchmark.SEED, MatchingBenchmark.COMMANDS,
                    MarketMix.Flow.valueOf(figure[0]));
            Outcome ours = Outcome.ours(peerMix, peerMix.flow.size());
            Outcome theirs = Outcome.exchangeCore(peerMix, peerMix.flow.size());
            if (!ours.equals(theirs)) {
                throw new IllegalStateException(figure[0] + ": the engines did different work: ours " + ours.trades()
                        + " trades, " + ours.tradedTonnes() + " t; exchange-core " + theirs.trades() + " trades, "
                        + theirs.tradedTonnes() + " t; same book " + ours.depth().equals(theirs.depth()));
            }
            System.out.printf("mix: %s; both engines end it with the same %d trades (%d t) and the same book%n",
                    peerMix.description, ours.trades(), ours.tradedTonnes());
        }

        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(MatchingBenchmark.class.getName())
                .include(PeerBenchmark.class.getName())
                .build()).run();
        double opsPerSecond = score(results, "MatchingBenchmark.commands", null);

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
        for (String[] figure : PEER_FIGURES) {
            double ours = score(results, "PeerBenchmark.ours", figure[0]);
            double theirs = score(results, "PeerBenchmark.exchangeCore", figure[0]);
            System.out.printf("RESULT %s %.0f ops/s baseline %.0f ratio %.2f%n", figure[1], ours, theirs,
                    ours / theirs);
        }
    }

    /** The score of the benchmark method whose name ends so, with its flow parameter when it has one. */
    private static double score(Collection<RunResult> results, String method, String flow) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .filter(r -> flow == null || flow.equals(r.getParams().getParam("flow")))
                .findFirst().orElseThrow(() -> new IllegalStateException("no result for " + method + " " + flow))
                .getPrimaryResult().getScore();
    }
}
