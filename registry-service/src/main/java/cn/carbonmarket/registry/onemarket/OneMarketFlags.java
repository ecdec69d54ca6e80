package cn.carbonmarket.registry.onemarket;

import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Flags for the regulator every migrated pilot holder that is a national key emitter (it has a national obligation),
 * whichever came first: the pilot's migration commit flags holders already covered, a national obligation arriving
 * later flags a holder migrated before. Each in the transaction that changed the picture, once per party and pilot.
 */
@ApplicationScoped
public class OneMarketFlags {

    private static final Logger LOG = Logger.getLogger(OneMarketFlags.class);

    private final OneMarketStore store;
    private final Pool pool;
    private final Clock clock;

    OneMarketFlags(OneMarketStore store, Pool pool, Clock clock) {
        this.store = store;
        this.pool = pool;
        this.clock = clock;
    }

    /** In the migration's transaction: its holders the national market covers already. */
    public Uni<Void> migrated(SqlConnection conn, Jurisdiction pilot, Collection<PartyId> holders) {
        UUID[] parties = holders.stream().map(PartyId::value).toArray(UUID[]::new);
        return store.flagMigrated(conn, pilot, parties, clock.instant())
                .invoke(raised -> log(raised, pilot + " migration")).replaceWithVoid();
    }

    /** In the obligation's transaction: a national obligation of a party that pilots were migrated to. */
    public Uni<Void> covered(SqlConnection conn, PartyId party, String nationalPeriodId, Jurisdiction jurisdiction,
                             Sector sector) {
        if (!OneMarketRule.isNational(jurisdiction) || sector == null) {
            return Uni.createFrom().voidItem();
        }
        return store.flagCovered(conn, party, nationalPeriodId, sector, clock.instant())
                .invoke(raised -> log(raised, "national obligation " + nationalPeriodId + " of " + party))
                .replaceWithVoid();
    }

    public Uni<List<Flag>> all() {
        return pool.withConnection(store::flags);
    }

    private static void log(int raised, String cause) {
        if (raised > 0) {
            LOG.infof("%d one-market flag(s) raised by the %s", raised, cause);
        }
    }
}
