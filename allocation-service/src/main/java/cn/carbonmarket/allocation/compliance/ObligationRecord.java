package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.coverage.Sector;
import java.time.Instant;
import java.util.UUID;

/** An entity's obligation for a period as stored, in its latest version ({@code runId} null for a pilot's). */
record ObligationRecord(String periodId, UUID partyId, String region, Sector sector, int version, UUID runId,
                        long verifiedEmissionsTonnes, long allocationTonnes, long obligationTonnes,
                        long offsetLimitTonnes, long borrowingLimitTonnes, String setBy, Instant setAt) {

    boolean sameFigures(Sector computedSector, ObligationMethod.EntityObligation computed) {
        return sector == computedSector && verifiedEmissionsTonnes == computed.verifiedEmissionsTonnes()
                && allocationTonnes == computed.allocationTonnes()
                && obligationTonnes == computed.obligationTonnes()
                && offsetLimitTonnes == computed.offsetLimitTonnes()
                && borrowingLimitTonnes == computed.borrowingLimitTonnes();
    }
}
