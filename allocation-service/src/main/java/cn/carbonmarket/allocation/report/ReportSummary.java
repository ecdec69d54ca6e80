package cn.carbonmarket.allocation.report;

import java.time.Instant;

/** A report's latest version in a list. */
public record ReportSummary(String reportId, int version, String periodId, String partyId, String region, int year,
                            ReportStatus status, boolean late, String verifierPartyId, long emissionsTonnes,
                            Instant updatedAt) {

    static ReportSummary of(ReportRecord r) {
        return new ReportSummary(r.reportId(), r.version(), r.periodId(), r.party().toString(), r.region().name(),
                r.year(), r.status(), r.late(), r.verifierPartyId() == null ? null : r.verifierPartyId().toString(),
                r.emissionsTonnes(), r.updatedAt());
    }
}
