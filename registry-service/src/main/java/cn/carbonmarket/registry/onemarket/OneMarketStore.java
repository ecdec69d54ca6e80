package cn.carbonmarket.registry.onemarket;

import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who the national market covers (the national obligations allocation published, surrender_obligation), who a pilot
 * was migrated to (pilot_holder), and the flags raised where the two meet (one_market_flag).
 */
@ApplicationScoped
class OneMarketStore {

    /** The national period that covers the party for the sector, the earliest first; empty when none does. */
    Uni<Optional<String>> nationalPeriod(SqlConnection conn, PartyId party, Sector sector) {
        return conn.preparedQuery("select period_id from surrender_obligation where jurisdiction = $1"
                        + " and party_id = $2 and sector = $3 order by set_at, period_id limit 1")
                .execute(Tuple.of(OneMarketRule.NATIONAL.name(), party.value(), sector.name()))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getString("period_id")));
    }

    /**
     * Flags each of {@code parties}, migrated from {@code pilot}, that has a national obligation (its earliest one
     * named), unless flagged for that pilot before.
     */
    Uni<Integer> flagMigrated(SqlConnection conn, Jurisdiction pilot, UUID[] parties, Instant now) {
        return conn.preparedQuery("insert into one_market_flag (party_id, pilot, national_period_id, sector,"
                        + " raised_on, raised_at) select distinct on (o.party_id) o.party_id, $2, o.period_id,"
                        + " o.sector, $3, $4 from surrender_obligation o join unnest($1::uuid[]) as p(id)"
                        + " on o.party_id = p.id where o.jurisdiction = $5"
                        + " order by o.party_id, o.set_at, o.period_id on conflict do nothing")
                .execute(Tuple.from(new Object[] {parties, pilot.name(), Flag.RaisedOn.MIGRATION.name(),
                        now.atOffset(ZoneOffset.UTC), OneMarketRule.NATIONAL.name()}))
                .map(rows -> rows.rowCount());
    }

    /** Flags the party for every pilot it was migrated from and is not flagged for yet. */
    Uni<Integer> flagCovered(SqlConnection conn, PartyId party, String nationalPeriodId, Sector sector, Instant now) {
        return conn.preparedQuery("insert into one_market_flag (party_id, pilot, national_period_id, sector,"
                        + " raised_on, raised_at) select h.party_id, h.pilot, $2, $3, $4, $5 from pilot_holder h"
                        + " where h.party_id = $1 on conflict do nothing")
                .execute(Tuple.from(new Object[] {party.value(), nationalPeriodId, sector.name(),
                        Flag.RaisedOn.NATIONAL_OBLIGATION.name(), now.atOffset(ZoneOffset.UTC)}))
                .map(rows -> rows.rowCount());
    }

    /** Every flag with its party, in the order raised. */
    Uni<List<Flag>> flags(SqlConnection conn) {
        return conn.preparedQuery("select f.party_id, p.name, p.type, p.region, f.pilot, f.national_period_id,"
                        + " f.sector, f.raised_on, f.raised_at from one_market_flag f join party p on p.id = f.party_id"
                        + " order by f.raised_at, f.party_id, f.pilot")
                .execute()
                .map(rows -> {
                    List<Flag> flags = new ArrayList<>(rows.size());
                    rows.forEach(r -> flags.add(flag(r)));
                    return flags;
                });
    }

    private static Flag flag(Row r) {
        return new Flag(r.getUUID("party_id"), r.getString("name"), PartyType.parse(r.getString("type")),
                Region.parse(r.getString("region")), Jurisdiction.valueOf(r.getString("pilot")),
                r.getString("national_period_id"), Sector.parse(r.getString("sector")),
                Flag.RaisedOn.valueOf(r.getString("raised_on")), r.getOffsetDateTime("raised_at").toInstant());
    }
}
