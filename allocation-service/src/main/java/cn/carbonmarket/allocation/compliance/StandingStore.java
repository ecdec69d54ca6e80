package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.party.Region;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of standings: each obligation of a period with what its entity surrendered, per kind. */
@ApplicationScoped
public class StandingStore {

    /** The period's standings, of one region or one party where given, by region and party. */
    Uni<List<Standing>> standings(SqlClient sql, String periodId, Region region, UUID partyId,
                                  boolean deadlinePassed) {
        return sql.preparedQuery("select o.party_id, c.name, o.region, o.version, o.obligation_tonnes,"
                        + " o.offset_limit_tonnes, o.borrowing_limit_tonnes, coalesce(s.allowance, 0) as allowance,"
                        + " coalesce(s.borrowed, 0) as borrowed, coalesce(s.offsets, 0) as offsets"
                        + " from obligation o join covered_entity c on c.party_id = o.party_id"
                        + " left join (select party_id,"
                        + " sum(tonnes) filter (where kind = 'ALLOWANCE') as allowance,"
                        + " sum(tonnes) filter (where kind = 'BORROWED') as borrowed,"
                        + " sum(tonnes) filter (where kind = 'OFFSET') as offsets"
                        + " from surrendered_units where period_id = $1 group by party_id) s on s.party_id = o.party_id"
                        + " where o.period_id = $1 and ($2::text is null or o.region = $2)"
                        + " and ($3::uuid is null or o.party_id = $3) order by o.region, o.party_id")
                .execute(Tuple.of(periodId, region == null ? null : region.name(), partyId))
                .map(rows -> {
                    List<Standing> standings = new ArrayList<>(rows.size());
                    rows.forEach(row -> standings.add(Standing.of(row.getUUID("party_id").toString(),
                            row.getString("name"), row.getString("region"), row.getInteger("version"),
                            row.getLong("obligation_tonnes"), row.getLong("offset_limit_tonnes"),
                            row.getLong("borrowing_limit_tonnes"), row.getLong("allowance"), row.getLong("borrowed"),
                            row.getLong("offsets"), deadlinePassed)));
                    return standings;
                });
    }
}
