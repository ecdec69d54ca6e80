package cn.carbonmarket.allocation.pilot;

import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.platform.problem.ConflictException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * State Council Order No. 775's one-market rule as allocation sees it: an entity the national market covers for a
 * sector takes no part in a pilot's compliance for the same sector. The national market covers it for a sector
 * where it has an obligation of a national period for that sector, or, for the power sector, generating units (the
 * units the national market allocates free allowances to).
 */
@ApplicationScoped
public class OneMarketRule {

    /** The market whose coverage excludes the pilots': the rule compares each pilot with it, not pilots together. */
    static final Jurisdiction NATIONAL = Jurisdiction.CN;
    /** The sector the national market's generating units are covered for. */
    static final Sector UNITS_SECTOR = Sector.POWER;

    private final EnrolmentStore store;

    OneMarketRule(EnrolmentStore store) {
        this.store = store;
    }

    /** 409 ONE_MARKET_RULE naming the sector and what covers the entity nationally for it. */
    Uni<Void> requireNotNationallyCovered(SqlClient sql, UUID partyId, Sector sector) {
        return store.nationalCoverage(sql, partyId, sector, NATIONAL, UNITS_SECTOR).invoke(covers -> {
            if (!covers.isEmpty()) {
                throw new ConflictException("ONE_MARKET_RULE", "party " + partyId + " is covered by the national"
                        + " market for the " + sector + " sector (" + String.join(", ", covers) + "): under State"
                        + " Council Order No. 775 it takes no part in a pilot's compliance for the same sector");
            }
        }).replaceWithVoid();
    }
}
