package cn.carbonmarket.registry.migration;

import cn.carbonmarket.registry.migration.export.Pilot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The import's counters as metrics: {@code market_migration_rows_total{pilot, outcome}} counts records as they are
 * read (rows of a job that then fails count too: the jobs metric says which jobs committed), and
 * {@code market_migration_jobs_total{pilot, status}} and {@code market_migration_duration_seconds} finished jobs.
 */
@ApplicationScoped
class MigrationMetrics {

    private final MeterRegistry registry;

    MigrationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one pilot's rows by outcome; the counters are looked up once, not per row. */
    Consumer<RowOutcome> rows(Pilot pilot) {
        Map<RowOutcome, Counter> counters = new EnumMap<>(RowOutcome.class);
        for (RowOutcome outcome : RowOutcome.values()) {
            counters.put(outcome, registry.counter("market.migration.rows", "pilot", pilot.name(),
                    "outcome", outcome.tag()));
        }
        return outcome -> counters.get(outcome).increment();
    }

    void finished(Pilot pilot, JobStatus status, Duration took) {
        registry.counter("market.migration.jobs", "pilot", pilot.name(), "status", status.name()).increment();
        registry.timer("market.migration.duration", "pilot", pilot.name(), "status", status.name()).record(took);
    }
}
