package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.coverage.Sector;
import java.util.UUID;

/** An entity enrolled in a pilot period: its sector, free allocation and verified emissions (null until verified). */
record EnrolledInput(UUID partyId, String region, Sector sector, long freeAllocationTonnes,
                     Long verifiedEmissionsTonnes) {
}
