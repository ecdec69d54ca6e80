package cn.carbonmarket.trading.auction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the auction API answers. */
public final class AuctionViews {

    private AuctionViews() {
    }

    /** An auction's public terms and state; the clearing price once cleared. */
    public record AuctionView(long auctionId, UUID seller, String instrument, long quantity, long reservePriceFen,
                              Instant opensAt, Instant closesAt, String state, Instant closedAt,
                              Long clearingPriceFen) {

        static AuctionView of(Auction a) {
            return new AuctionView(a.id, a.seller, a.instrument, a.quantity, a.reserve, a.opensAt, a.closesAt,
                    a.state.name(), a.closedAt, a.clearingPrice);
        }
    }

    /** A bid with, after the close, its allocation and trade id. */
    public record BidView(long bidId, long auctionId, UUID bidder, long priceFen, long quantity, Instant submittedAt,
                          Long allocated, String tradeId) {

        static BidView of(AuctionBid b) {
            return new BidView(b.id, b.auctionId, b.bidder, b.price, b.quantity, b.submittedAt, b.allocated,
                    b.tradeId);
        }
    }

    /**
     * The result of a closed auction: CLEARED with the uniform price, or CANCELLED with the demand that fell
     * short; {@code bids} are the ones the caller may see (its own, or all for the seller and oversight).
     */
    public record ResultView(long auctionId, String state, long quantity, long demand, Long clearingPriceFen,
                             Long allocated, List<BidView> bids) {
    }
}
