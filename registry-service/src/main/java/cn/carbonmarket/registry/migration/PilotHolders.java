package cn.carbonmarket.registry.migration;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.registry.onemarket.OneMarketFlags;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

/**
 * The parties a pilot's registry was migrated to (pilot_holder), written in the migration's transaction: a pilot's
 * participants are its holders whatever they hold now, and those the national market covers are flagged for the
 * one-market rule in the same transaction.
 */
@ApplicationScoped
class PilotHolders {

    private final OneMarketFlags flags;
    private final Clock clock;

    PilotHolders(OneMarketFlags flags, Clock clock) {
        this.flags = flags;
        this.clock = clock;
    }

    /** Records the holders (a holder recorded before keeps its first date) and flags those covered nationally. */
    Uni<Void> migrated(SqlConnection conn, Jurisdiction pilot, Collection<PartyId> holders) {
        return conn.preparedQuery("insert into pilot_holder (pilot, party_id, migrated_at) select $1, p.id, $3"
                        + " from unnest($2::uuid[]) as p(id) on conflict do nothing")
                .execute(Tuple.of(pilot.name(), holders.stream().map(PartyId::value).toArray(UUID[]::new),
                        clock.instant().atOffset(ZoneOffset.UTC)))
                .chain(() -> flags.migrated(conn, pilot, holders));
    }
}
