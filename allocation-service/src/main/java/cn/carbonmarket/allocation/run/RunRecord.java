package cn.carbonmarket.allocation.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An allocation run as stored: what it computed on, its totals, who computed and who approved it. */
public record RunRecord(UUID runId, String periodId, RunKind kind, List<Integer> dataYears, String benchmarkPack,
                        String instrument, String inputsHash, RunStatus status, int units, int entities,
                        long totalTonnes, String computedBy, Instant computedAt, String approvedBy,
                        Instant approvedAt) {
}
