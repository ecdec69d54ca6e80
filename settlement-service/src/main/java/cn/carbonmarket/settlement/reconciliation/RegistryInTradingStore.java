package cn.carbonmarket.settlement.reconciliation;

import cn.carbonmarket.contracts.event.TransactionBooked;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The mirror of the registry's IN_TRADING holdings: every IN_TRADING line of a booked registry transaction (into
 * trading, out of it, deliveries) moves the party's mirrored quantity. A transaction id is mirrored once, in the
 * caller's transaction, so a redelivered event changes nothing. This store holds the SQL of registry_in_trading and
 * registry_transaction_mirrored.
 */
@ApplicationScoped
public class RegistryInTradingStore {

    public Uni<Void> mirror(SqlConnection conn, TransactionBooked booked, Instant now) {
        List<UUID> parties = new ArrayList<>();
        List<String> instruments = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        for (TransactionBooked.Line line : booked.lines()) {
            if ("IN_TRADING".equals(line.status()) && line.partyId() != null && line.delta() != 0) {
                parties.add(UUID.fromString(line.partyId()));
                instruments.add(line.instrument().toString());
                deltas.add(line.delta());
            }
        }
        if (parties.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("insert into registry_transaction_mirrored (transaction_id, mirrored_at)"
                        + " values ($1, $2) on conflict do nothing")
                .execute(Tuple.of(booked.transactionId().toString(), now.atOffset(ZoneOffset.UTC)))
                .flatMap(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : conn.preparedQuery("insert into registry_in_trading (party_id, instrument, quantity)"
                                        + " select p, i, sum(d) from unnest($1::uuid[], $2::text[], $3::bigint[])"
                                        + " as l(p, i, d) group by p, i on conflict (party_id, instrument)"
                                        + " do update set quantity = registry_in_trading.quantity + excluded.quantity")
                                .execute(Tuple.of(parties.toArray(UUID[]::new), instruments.toArray(String[]::new),
                                        deltas.toArray(Long[]::new)))
                                .replaceWithVoid());
    }

    /** The mirrored IN_TRADING holdings, per party and instrument. */
    Uni<Map<Position, Long>> holdings(SqlConnection conn) {
        return conn.query("select party_id, instrument, quantity from registry_in_trading").execute().map(rows -> {
            Map<Position, Long> book = new TreeMap<>();
            rows.forEach(r -> book.put(new Position(r.getUUID("party_id").toString(), r.getString("instrument")),
                    r.getLong("quantity")));
            return book;
        });
    }
}
