package cn.carbonmarket.bench.matching;

import cn.carbonmarket.trading.orderbook.FastOrderBook;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The matching core alone: one invocation replays the whole pre-generated {@link MarketMix} flow (200,000
 * commands) on a freshly opened 1,000-level book, so every invocation sees the same book states; the opening is
 * set up outside the measured time. One command is one operation. An invocation lasts tens of milliseconds,
 * long enough for per-invocation setup not to disturb the timing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MatchingBenchmark {

    static final int COMMANDS = 200_000;
    static final long SEED = 20_210_716;

    private MarketMix mix;
    private EventTally events;
    private FastOrderBook book;

    @Setup(Level.Trial)
    public void generate() {
        mix = MarketMix.generate(SEED, COMMANDS);
    }

    @Setup(Level.Invocation)
    public void open() {
        events = new EventTally();
        book = mix.openBook(events);
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long commands() {
        return mix.flow.replay(book) + events.traded;
    }
}
