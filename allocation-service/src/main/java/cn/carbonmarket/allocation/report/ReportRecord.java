package cn.carbonmarket.allocation.report;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;
import java.time.Instant;
import java.util.UUID;

/** A version of an entity's emission report of a year, without its units: where it stands and who handles it. */
record ReportRecord(String reportId, int version, String periodId, PartyId party, Region region, int year,
                    ReportStatus status, boolean late, UUID verifierPartyId, long emissionsTonnes, String createdBy,
                    Instant createdAt, Instant updatedAt, Instant submittedAt, Instant concludedAt,
                    Instant confirmedAt) {

    /** Reports are named by what they are: one per entity, period and year. */
    static String idOf(String periodId, int year, PartyId party) {
        return "ER-" + periodId + "-" + year + "-" + party;
    }

    ReportRecord withEmissions(long tonnes, Instant at) {
        return new ReportRecord(reportId, version, periodId, party, region, year, status, late, verifierPartyId,
                tonnes, createdBy, createdAt, at, submittedAt, concludedAt, confirmedAt);
    }

    ReportRecord submitted(boolean isLate, Instant at) {
        return new ReportRecord(reportId, version, periodId, party, region, year, ReportStatus.SUBMITTED, isLate,
                verifierPartyId, emissionsTonnes, createdBy, createdAt, at, at, concludedAt, confirmedAt);
    }

    ReportRecord assigned(UUID verifier, Instant at) {
        return new ReportRecord(reportId, version, periodId, party, region, year, ReportStatus.ASSIGNED, late,
                verifier, emissionsTonnes, createdBy, createdAt, at, submittedAt, concludedAt, confirmedAt);
    }

    ReportRecord concluded(Instant at) {
        return new ReportRecord(reportId, version, periodId, party, region, year, ReportStatus.VERIFIED, late,
                verifierPartyId, emissionsTonnes, createdBy, createdAt, at, submittedAt, at, confirmedAt);
    }

    ReportRecord confirmed(Instant at) {
        return new ReportRecord(reportId, version, periodId, party, region, year, ReportStatus.CONFIRMED, late,
                verifierPartyId, emissionsTonnes, createdBy, createdAt, at, submittedAt, concludedAt, at);
    }

    /** The next version of a confirmed report: a draft of the entity again, verified afresh. */
    ReportRecord correction(String by, Instant at) {
        return new ReportRecord(reportId, version + 1, periodId, party, region, year, ReportStatus.DRAFT, false, null,
                emissionsTonnes, by, at, at, null, null, null);
    }
}
