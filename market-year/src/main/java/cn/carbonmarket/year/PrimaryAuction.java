package cn.carbonmarket.year;

import java.util.List;

/**
 * The period's primary auction of its own allowance: the regulator's volume in lots of 1,000 t, each bidder's cap a
 * share of it, and the institutions' sealed bids (a bidder is an index into the scenario's traders).
 */
public record PrimaryAuction(int volumeLots, String bidderCapShare, List<AuctionSale.Bid> bids) {

    public static final long LOT_TONNES = 1_000;
}
