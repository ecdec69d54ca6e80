package cn.carbonmarket.registry.onemarket;

import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.ConflictException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * State Council Order No. 775's one-market rule as the registry sees it: an entity the national market covers for a
 * sector (it has an obligation of a national period for that sector) takes no part in a pilot's compliance for the
 * same sector, so it surrenders nothing into a pilot period of that sector.
 */
@ApplicationScoped
public class OneMarketRule {

    /** The national market: its obligations are the cover the rule compares pilots' obligations with. */
    static final Jurisdiction NATIONAL = Jurisdiction.CN;

    private final OneMarketStore store;

    OneMarketRule(OneMarketStore store) {
        this.store = store;
    }

    /** Whether an obligation of this jurisdiction is a national one (then nothing is compared). */
    public static boolean isNational(Jurisdiction jurisdiction) {
        return jurisdiction == NATIONAL;
    }

    /**
     * Refuses (409 ONE_MARKET_RULE) a surrender by {@code party} into a pilot period covering {@code sector} when a
     * national obligation covers the party for that sector. A national period, or a pilot period that names no
     * sector, is not compared.
     */
    public Uni<Void> checkSurrender(SqlConnection conn, PartyId party, String periodId, Jurisdiction jurisdiction,
                                    Sector sector) {
        if (isNational(jurisdiction) || sector == null) {
            return Uni.createFrom().voidItem();
        }
        return store.nationalPeriod(conn, party, sector).map(national -> {
            if (national.isPresent()) {
                throw new ConflictException("ONE_MARKET_RULE", "party " + party + " is covered by the national"
                        + " market for sector " + sector + " (obligation of period " + national.get() + "), so under"
                        + " State Council Order No. 775 it takes no part in the " + jurisdiction.displayName()
                        + "'s compliance for " + sector + ": nothing may be surrendered for period " + periodId);
            }
            return null;
        });
    }
}
