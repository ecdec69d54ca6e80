package cn.carbonmarket.settlement.auction;

import java.time.OffsetDateTime;

/** A bidder's collateral for an auction and where it stands. */
public record CollateralView(String auctionId, String partyId, String instrument, long amountFen, String state,
                             OffsetDateTime reservedAt, Long releasedFen, OffsetDateTime settledAt) {

    /** The reservation's ledger business id. */
    String bidId() {
        return bidId(auctionId, partyId);
    }

    static String bidId(String auctionId, String partyId) {
        return auctionId + "/" + partyId;
    }
}
