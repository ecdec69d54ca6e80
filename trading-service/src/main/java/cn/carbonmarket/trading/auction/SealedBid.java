package cn.carbonmarket.trading.auction;

import java.time.Instant;

/**
 * A bid as clearing sees it.
 *
 * @param price    fen per tonne
 * @param quantity whole tonnes, whole lots of the auction's
 */
public record SealedBid(long bidId, long price, long quantity, Instant submittedAt) {

    public SealedBid {
        if (price <= 0 || quantity <= 0) {
            throw new IllegalArgumentException("a bid has a positive price and quantity, not " + quantity + " t at "
                    + price);
        }
    }
}
