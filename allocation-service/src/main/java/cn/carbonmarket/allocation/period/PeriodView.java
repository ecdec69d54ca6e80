package cn.carbonmarket.allocation.period;

import java.time.Instant;
import java.time.LocalDate;

/** A compliance period as the API shows it. */
public record PeriodView(String periodId, String jurisdiction, int firstYear, int lastYear, String instrument,
                         String benchmarkPack, LocalDate deadline95, LocalDate deadline100, String status,
                         String openedBy, Instant openedAt, Instant updatedAt) {

    static PeriodView of(CompliancePeriod p) {
        return new PeriodView(p.periodId, p.jurisdiction.name(), p.firstYear, p.lastYear, p.instrument,
                p.benchmarkPack, p.deadline95, p.deadline100, p.status.name(), p.openedBy, p.openedAt, p.updatedAt);
    }
}
