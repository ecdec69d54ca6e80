package cn.carbonmarket.settlement.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One reconciliation: who started it (the scheduled job's name, or the operator's user name), whether each other book
 * could be compared ({@code COMPARED}, or {@code UNAVAILABLE} with the reason in the detail) and every difference
 * found, per party and asset.
 */
public record ReconciliationView(UUID runId, LocalDate businessDate, Instant ranAt, String startedBy,
                                 String registryStatus,
                                 String tradingStatus, String tradingDetail, List<Difference> differences) {
}
