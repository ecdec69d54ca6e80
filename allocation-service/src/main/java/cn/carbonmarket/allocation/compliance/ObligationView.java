package cn.carbonmarket.allocation.compliance;

import java.time.Instant;

/**
 * An entity's obligation for a period in its latest version: the sector it covers and the run whose allocation it
 * counts (null for a pilot's, whose entities are enrolled with their allocation).
 */
public record ObligationView(String partyId, String region, String sector, int version, String runId,
                             long verifiedEmissionsTonnes, long allocationTonnes, long obligationTonnes,
                             long offsetLimitTonnes, long borrowingLimitTonnes, String setBy, Instant setAt) {

    static ObligationView of(ObligationRecord record) {
        return new ObligationView(record.partyId().toString(), record.region(), record.sector().name(),
                record.version(), record.runId() == null ? null : record.runId().toString(),
                record.verifiedEmissionsTonnes(), record.allocationTonnes(), record.obligationTonnes(),
                record.offsetLimitTonnes(), record.borrowingLimitTonnes(), record.setBy(), record.setAt());
    }
}
