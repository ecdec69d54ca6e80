package cn.carbonmarket.bench.matching;

import cn.carbonmarket.trading.orderbook.FastOrderBook;
import exchange.core2.collections.objpool.ObjectsPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Our matching core against exchange-core's order book on the same work: per flow, one invocation replays the
 * same 200,000 generated commands on a freshly opened book of each engine (the opening, the same 2,000 orders on
 * 1,000 levels for both, is set up outside the measured time). One command is one operation for both, although
 * ours runs an IOC order as a limit order plus a cancel and a replace as a cancel plus a limit order.
 * exchange-core's object pool lives for the trial, so its books draw on a warm pool as ours draw on their own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PeerBenchmark {

    @Param({"MARKET_WITH_IOC", "EXCHANGE_CORE"})
    public String flow;

    private MarketMix mix;
    private ObjectsPool pool;
    private EventTally events;
    private FastOrderBook ours;
    private ExchangeCoreBook theirs;

    @Setup(Level.Trial)
    public void generate() {
        mix = MarketMix.generate(MatchingBenchmark.SEED, MatchingBenchmark.COMMANDS, MarketMix.Flow.valueOf(flow));
        pool = ExchangeCoreBook.pool();
    }

    @Setup(Level.Invocation)
    public void open() {
        events = new EventTally();
        ours = mix.openBook(events);
        theirs = new ExchangeCoreBook(mix, pool);
    }

    @Benchmark
    @OperationsPerInvocation(MatchingBenchmark.COMMANDS)
    public long ours() {
        return mix.flow.replay(ours) + events.traded;
    }

    @Benchmark
    @OperationsPerInvocation(MatchingBenchmark.COMMANDS)
    public long exchangeCore() {
        return theirs.replay(mix.flow);
    }
}
