package cn.carbonmarket.allocation.pilot;

import cn.carbonmarket.contracts.coverage.Sector;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An entity enrolled in a pilot period, as stored; {@code instructions} counts the issuance instructions it made. */
record Enrolment(String periodId, UUID partyId, String region, Sector sector, long freeAllocationTonnes,
                 Long verifiedEmissionsTonnes, int instructions, String enrolledBy, Instant enrolledAt,
                 String updatedBy, Instant updatedAt) {

    boolean states(Sector otherSector, long otherAllocation, Long otherEmissions) {
        return sector == otherSector && freeAllocationTonnes == otherAllocation
                && Objects.equals(verifiedEmissionsTonnes, otherEmissions);
    }
}
