package cn.carbonmarket.trading.block;

import cn.carbonmarket.contracts.trade.Side;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * An acceptance's reads and writes of its offer's row in plain SQL, on the connection that records the trade:
 * the offer's state change, its trade, the balance changes and the events then commit together or not at all.
 */
final class OfferRows {

    private OfferRows() {
    }

    /** The offer with its row locked until the transaction ends: racing acceptances and withdrawals queue here. */
    static Uni<BlockOffer> locked(SqlConnection conn, long offerId) {
        return conn.preparedQuery("select id, poster, instrument, side, quantity, price_fen, addressee, state,"
                        + " posted_at, expires_at, closed_at, accepted_by, trade_id from block_offer where id = $1"
                        + " for update").execute(Tuple.of(offerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw BlockDesk.notFound(offerId);
                    }
                    return offer(rows.iterator().next());
                });
    }

    /** Stores what {@link BlockOffer#accept} changed. */
    static Uni<Void> accepted(SqlConnection conn, BlockOffer offer) {
        return conn.preparedQuery("update block_offer set state = $2, accepted_by = $3, closed_at = $4, trade_id = $5"
                        + " where id = $1")
                .execute(Tuple.from(Arrays.asList(offer.id, offer.state.name(), offer.acceptedBy,
                        offer.closedAt.atOffset(ZoneOffset.UTC), offer.tradeId)))
                .replaceWithVoid();
    }

    private static BlockOffer offer(Row row) {
        BlockOffer offer = new BlockOffer();
        offer.id = row.getLong("id");
        offer.poster = row.getUUID("poster");
        offer.instrument = row.getString("instrument");
        offer.side = Side.valueOf(row.getString("side"));
        offer.quantity = row.getLong("quantity");
        offer.price = row.getLong("price_fen");
        offer.addressee = row.getUUID("addressee");
        offer.state = BlockOffer.State.valueOf(row.getString("state"));
        offer.postedAt = instant(row.getOffsetDateTime("posted_at"));
        offer.expiresAt = instant(row.getOffsetDateTime("expires_at"));
        offer.closedAt = instant(row.getOffsetDateTime("closed_at"));
        offer.acceptedBy = row.getUUID("accepted_by");
        offer.tradeId = row.getString("trade_id");
        return offer;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
