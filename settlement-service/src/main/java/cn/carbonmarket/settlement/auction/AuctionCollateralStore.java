package cn.carbonmarket.settlement.auction;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The SQL of auction_collateral: each bidder's collateral for an auction and where it stands. */
@ApplicationScoped
public class AuctionCollateralStore {

    private static final String COLUMNS = "auction_id, party_id, instrument, amount_fen, state, reserved_at,"
            + " released_fen, settled_at";

    /** A new reservation, PENDING; a party with another open reservation fails on its unique key. */
    Uni<CollateralView> insert(SqlConnection conn, String auctionId, PartyId party, InstrumentCode instrument,
                               long fen, OffsetDateTime reservedAt) {
        return conn.preparedQuery("insert into auction_collateral (auction_id, party_id, instrument,"
                        + " amount_fen, state, reserved_at) values ($1, $2, $3, $4, 'PENDING', $5)"
                        + " returning " + COLUMNS)
                .execute(Tuple.of(auctionId, party.value(), instrument.toString(), fen, reservedAt))
                .map(rows -> viewOf(rows.iterator().next()));
    }

    Uni<CollateralView> find(SqlConnection conn, String auctionId, PartyId party) {
        return conn.preparedQuery("select " + COLUMNS + " from auction_collateral"
                        + " where auction_id = $1 and party_id = $2")
                .execute(Tuple.of(auctionId, party.value()))
                .map(rows -> viewOf(rows.iterator().next()));
    }

    /** Every bidder's collateral for the auction, by party. */
    Uni<List<CollateralView>> ofAuction(SqlConnection conn, String auctionId) {
        return conn.preparedQuery("select " + COLUMNS
                        + " from auction_collateral where auction_id = $1 order by party_id")
                .execute(Tuple.of(auctionId))
                .map(AuctionCollateralStore::viewsOf);
    }

    /** The same, locked until the caller's transaction ends. */
    Uni<List<CollateralView>> lockOfAuction(SqlConnection conn, String auctionId) {
        return conn.preparedQuery("select " + COLUMNS
                        + " from auction_collateral where auction_id = $1 order by party_id for update")
                .execute(Tuple.of(auctionId))
                .map(AuctionCollateralStore::viewsOf);
    }

    /** The buyers' PENDING reservations become IN_USE; returns their bid ids. */
    Uni<List<String>> markInUse(SqlConnection conn, List<UUID> buyers) {
        return conn.preparedQuery("update auction_collateral set state = 'IN_USE' where party_id = any($1)"
                        + " and state = 'PENDING' returning auction_id, party_id")
                .execute(Tuple.of(buyers.toArray(UUID[]::new)))
                .map(rows -> {
                    List<String> bids = new ArrayList<>();
                    rows.forEach(r -> bids.add(CollateralView.bidId(r.getString("auction_id"),
                            r.getUUID("party_id").toString())));
                    return bids;
                });
    }

    /** The buyers whose collateral is IN_USE. */
    Uni<Set<UUID>> inUse(SqlConnection conn, List<UUID> buyers) {
        return conn.preparedQuery("select distinct party_id from auction_collateral"
                        + " where party_id = any($1) and state = 'IN_USE'")
                .execute(Tuple.of(buyers.toArray(UUID[]::new)))
                .map(inUse -> {
                    Set<UUID> collateralised = new HashSet<>();
                    inUse.forEach(r -> collateralised.add(r.getUUID("party_id")));
                    return collateralised;
                });
    }

    /** A bidder's collateral is settled: RELEASED (with what went back to available cash) or VOIDED. */
    Uni<Void> settle(SqlConnection conn, CollateralView collateral, String state, long releasedFen,
                     OffsetDateTime settledAt) {
        return conn.preparedQuery("update auction_collateral set state = $3,"
                        + " released_fen = $4, settled_at = $5 where auction_id = $1 and party_id = $2")
                .execute(Tuple.of(collateral.auctionId(), UUID.fromString(collateral.partyId()), state, releasedFen,
                        settledAt))
                .replaceWithVoid();
    }

    private static List<CollateralView> viewsOf(RowSet<Row> rows) {
        List<CollateralView> all = new ArrayList<>();
        rows.forEach(r -> all.add(viewOf(r)));
        return all;
    }

    private static CollateralView viewOf(Row r) {
        return new CollateralView(r.getString("auction_id"), r.getUUID("party_id").toString(),
                r.getString("instrument"), r.getLong("amount_fen"), r.getString("state"),
                r.getOffsetDateTime("reserved_at"), r.getLong("released_fen"), r.getOffsetDateTime("settled_at"));
    }
}
