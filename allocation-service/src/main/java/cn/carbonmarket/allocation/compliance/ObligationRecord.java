package cn.carbonmarket.allocation.compliance;

import java.time.Instant;
import java.util.UUID;

/** An entity's obligation for a period as stored, in its latest version. */
record ObligationRecord(String periodId, UUID partyId, String region, int version, UUID runId,
                        long verifiedEmissionsTonnes, long allocationTonnes, long obligationTonnes,
                        long offsetLimitTonnes, long borrowingLimitTonnes, String setBy, Instant setAt) {

    boolean sameFigures(ObligationMethod.EntityObligation computed) {
        return verifiedEmissionsTonnes == computed.verifiedEmissionsTonnes()
                && allocationTonnes == computed.allocationTonnes()
                && obligationTonnes == computed.obligationTonnes()
                && offsetLimitTonnes == computed.offsetLimitTonnes()
                && borrowingLimitTonnes == computed.borrowingLimitTonnes();
    }
}
