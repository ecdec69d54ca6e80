package cn.carbonmarket.allocation.report;

/**
 * Where a version of a report stands: the entity's DRAFT, SUBMITTED by it, ASSIGNED to a verifier by the provincial
 * authority, VERIFIED once the verifier concluded, CONFIRMED by the provincial authority (for good).
 */
public enum ReportStatus {
    DRAFT, SUBMITTED, ASSIGNED, VERIFIED, CONFIRMED
}
