package cn.carbonmarket.registry.jurisdiction;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.unit.Product;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The queries of the jurisdiction views. A holding's instrument starts with its product's code, which names its
 * jurisdiction; a party's accounts are those with its id (its holding account, the auctioneer's delivery account).
 */
@ApplicationScoped
class JurisdictionViewStore {

    /** Parties holding any of the products, or migrated from the pilot. */
    private static final String PARTICIPANTS = "with participant as (select a.party_id from holding h"
            + " join account a on a.id = h.account_id where a.party_id is not null and h.quantity > 0"
            + " and split_part(h.instrument, '-', 1) = any($1) union select party_id from pilot_holder"
            + " where pilot = $2) ";

    Uni<Map<PartyType, Long>> countsByType(SqlConnection conn, Jurisdiction jurisdiction) {
        return conn.preparedQuery(PARTICIPANTS + "select p.type, count(*) as parties from participant x"
                        + " join party p on p.id = x.party_id group by p.type")
                .execute(Tuple.of(products(jurisdiction), jurisdiction.name()))
                .map(rows -> {
                    Map<PartyType, Long> counts = new EnumMap<>(PartyType.class);
                    for (PartyType type : PartyType.values()) {
                        counts.put(type, 0L);
                    }
                    rows.forEach(r -> counts.put(PartyType.valueOf(r.getString("type")), r.getLong("parties")));
                    return counts;
                });
    }

    Uni<List<Participants.Participant>> page(SqlConnection conn, Jurisdiction jurisdiction, int page, int size) {
        return conn.preparedQuery(PARTICIPANTS + "select p.id, p.name, p.type, p.region,"
                        + " (select min(a.id) from account a where a.party_id = p.id) as account,"
                        + " (select coalesce(sum(h.quantity), 0) from holding h join account a on a.id = h.account_id"
                        + " where a.party_id = p.id and split_part(h.instrument, '-', 1) = any($1)) as tonnes,"
                        + " exists (select 1 from pilot_holder m where m.pilot = $2 and m.party_id = p.id) as migrated"
                        + " from participant x join party p on p.id = x.party_id"
                        + " order by p.registered_at, p.id limit $3 offset $4")
                .execute(Tuple.of(products(jurisdiction), jurisdiction.name(), size, (long) page * size))
                .map(rows -> {
                    List<Participants.Participant> participants = new ArrayList<>(rows.size());
                    rows.forEach(r -> participants.add(participant(r)));
                    return participants;
                });
    }

    Uni<List<Holdings.Instrument>> holdings(SqlConnection conn, Jurisdiction jurisdiction) {
        String inParties = "a.party_id is not null and h.status = ";
        return conn.preparedQuery("select h.instrument,"
                        + " count(distinct h.account_id) filter (where a.party_id is not null and h.quantity > 0)"
                        + " as holders,"
                        + " coalesce(sum(h.quantity) filter (where " + inParties + "'AVAILABLE'), 0) as available,"
                        + " coalesce(sum(h.quantity) filter (where " + inParties + "'IN_TRADING'), 0) as in_trading,"
                        + " coalesce(sum(h.quantity) filter (where " + inParties + "'PLEDGED'), 0) as pledged,"
                        + " coalesce(sum(h.quantity) filter (where " + inParties + "'FROZEN'), 0) as frozen,"
                        + " coalesce(sum(h.quantity) filter (where a.type = 'SURRENDER'), 0) as surrendered"
                        + " from holding h join account a on a.id = h.account_id"
                        + " where split_part(h.instrument, '-', 1) = any($1)"
                        + " group by h.instrument order by h.instrument")
                .execute(Tuple.of((Object) products(jurisdiction)))
                .map(rows -> {
                    List<Holdings.Instrument> instruments = new ArrayList<>(rows.size());
                    rows.forEach(r -> instruments.add(new Holdings.Instrument(r.getString("instrument"),
                            r.getLong("holders"), r.getLong("available"), r.getLong("in_trading"),
                            r.getLong("pledged"), r.getLong("frozen"), r.getLong("surrendered"))));
                    return instruments;
                });
    }

    private static Participants.Participant participant(Row r) {
        PartyType type = PartyType.valueOf(r.getString("type"));
        return new Participants.Participant(r.getUUID("id"), r.getString("name"), type,
                Region.parse(r.getString("region")), r.getString("account"), r.getLong("tonnes"),
                r.getBoolean("migrated"));
    }

    /** The codes of the products the jurisdiction issues (its allowance and its credits). */
    private static String[] products(Jurisdiction jurisdiction) {
        return Arrays.stream(Product.values()).filter(p -> p.jurisdiction() == jurisdiction)
                .map(Enum::name).toArray(String[]::new);
    }
}
