package cn.carbonmarket.registry.onemarket;

import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import java.time.Instant;
import java.util.UUID;

/**
 * A migrated pilot holder the national market covers: under Order No. 775 it takes no part in the pilot's compliance
 * for the sector its national obligation covers, so the regulator reviews its pilot enrolment.
 *
 * @param nationalPeriodId the national period whose obligation showed the cover (the earliest known when raised)
 * @param raisedOn         what raised it: the pilot's migration of a party already covered, or a national obligation
 *                         arriving for a party migrated before
 */
public record Flag(UUID partyId, String name, PartyType type, Region region, Jurisdiction pilot,
                   String nationalPeriodId, Sector sector, RaisedOn raisedOn, Instant raisedAt) {

    public enum RaisedOn { MIGRATION, NATIONAL_OBLIGATION }
}
