package cn.carbonmarket.allocation.run;

import java.time.Instant;
import java.util.List;

/**
 * An allocation run for review: what it computed on (period, kind, data years, benchmark pack, inputs hash), its
 * totals overall, per region and per unit category, what approval issues and claws back, and the difference to the
 * period's run approved last before it.
 */
public record RunView(String runId, String periodId, String kind, String status, List<Integer> dataYears,
                      String benchmarkPack, String instrument, String inputsHash, int units, int entities,
                      long totalTonnes, List<Total> byRegion, List<Total> byCategory, Comparison lastApproved,
                      String computedBy, Instant computedAt, String approvedBy, Instant approvedAt) {

    /** Entities, units and allocated tonnes of one region or one unit category. */
    public record Total(String key, int entities, int units, long tonnes) {
    }

    /** The period's run approved last before this one, and how this one's total differs from it. */
    public record Comparison(String runId, String kind, long totalTonnes, long difference) {
    }

    static RunView of(RunRecord run, List<Total> byRegion, List<Total> byCategory, RunRecord last) {
        Comparison comparison = last == null ? null : new Comparison(last.runId().toString(), last.kind().name(),
                last.totalTonnes(), Math.subtractExact(run.totalTonnes(), last.totalTonnes()));
        return new RunView(run.runId().toString(), run.periodId(), run.kind().name(), run.status().name(),
                run.dataYears(), run.benchmarkPack(), run.instrument(), run.inputsHash(), run.units(),
                run.entities(), run.totalTonnes(), byRegion, byCategory, comparison, run.computedBy(),
                run.computedAt(), run.approvedBy(), run.approvedAt());
    }
}
