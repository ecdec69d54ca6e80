package cn.carbonmarket.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks whose names match the argument and ends with one line per figure:
 * {@code RESULT <name> <value> <unit>}. Usage: java -jar bench/target/benchmarks.jar REGEX
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String include = args.length > 0 ? args[0] : ".*";
        Options options = new OptionsBuilder().include(include).build();
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            var primary = result.getPrimaryResult();
            System.out.printf("RESULT %s %.0f %s%n", name, primary.getScore(), primary.getScoreUnit());
        }
    }
}
