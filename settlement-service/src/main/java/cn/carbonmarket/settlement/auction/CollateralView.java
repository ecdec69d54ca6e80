package cn.carbonmarket.settlement.auction;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/** A bidder's collateral for an auction and where it stands. */
public record CollateralView(String auctionId, String partyId, String instrument, long amountFen, String state,
                             OffsetDateTime reservedAt, Long releasedFen, OffsetDateTime settledAt) {

    static final String COLUMNS = "auction_id, party_id, instrument, amount_fen, state, reserved_at, released_fen,"
            + " settled_at";

    static CollateralView of(Row r) {
        return new CollateralView(r.getString("auction_id"), r.getUUID("party_id").toString(),
                r.getString("instrument"), r.getLong("amount_fen"), r.getString("state"),
                r.getOffsetDateTime("reserved_at"), r.getLong("released_fen"), r.getOffsetDateTime("settled_at"));
    }

    /** The reservation's ledger business id. */
    String bidId() {
        return bidId(auctionId, partyId);
    }

    static String bidId(String auctionId, String partyId) {
        return auctionId + "/" + partyId;
    }
}
