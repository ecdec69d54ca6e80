package cn.carbonmarket.trading.rules;

import java.time.Duration;
import java.util.Map;

/**
 * A jurisdiction's limits on one-way auctions; {@code sources} names where each number comes from by its key in
 * the rule pack.
 *
 * @param minBidWindow     the shortest bid window an auction may announce
 * @param maxBidWindow     the longest bid window
 * @param maxQuantity      the largest volume one auction may offer, in tonnes
 * @param maxBidsPerBidder how many bids one bidder may place in one auction
 */
public record AuctionRules(Duration minBidWindow, Duration maxBidWindow, long maxQuantity, int maxBidsPerBidder,
                           Map<String, String> sources) {

    public AuctionRules {
        if (minBidWindow.isNegative() || minBidWindow.isZero() || maxBidWindow.compareTo(minBidWindow) < 0
                || maxQuantity <= 0 || maxBidsPerBidder <= 0) {
            throw new IllegalArgumentException("inconsistent auction rules: window " + minBidWindow + ".."
                    + maxBidWindow + ", volume up to " + maxQuantity + " t, " + maxBidsPerBidder + " bids a bidder");
        }
        sources = Map.copyOf(sources);
    }
}
