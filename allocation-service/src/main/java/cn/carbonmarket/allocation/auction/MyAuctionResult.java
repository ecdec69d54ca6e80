package cn.carbonmarket.allocation.auction;

import java.time.Instant;

/** A participant's own outcome of a published auction result: what it won and pays (nothing if it won nothing). */
public record MyAuctionResult(String auctionRef, String instrument, String outcome, Long clearingPriceFen,
                              String partyId, boolean won, long tonnes, long amountFen, Instant closedAt) {
}
