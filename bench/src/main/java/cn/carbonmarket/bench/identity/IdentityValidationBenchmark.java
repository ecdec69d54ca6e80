package cn.carbonmarket.bench.identity;

import cn.carbonmarket.contracts.party.ResidentIdentityNumber;
import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What migrating a pilot export costs per row before any database work: checking the holder's identity and parsing
 * the instrument. A 1,000,000-row export must stay far below its
 * 60 s budget on this alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class IdentityValidationBenchmark {

    private final String creditCode = "91420100714680123L";
    private final String residentId = "110105198001011238";
    private final String instrument = "HBEA-2021";

    @Benchmark
    public UnifiedSocialCreditCode creditCode() {
        return UnifiedSocialCreditCode.parse(creditCode);
    }

    @Benchmark
    public ResidentIdentityNumber residentId() {
        return ResidentIdentityNumber.parse(residentId);
    }

    @Benchmark
    public InstrumentCode instrument() {
        return InstrumentCode.parse(instrument);
    }
}
