package cn.carbonmarket.trading.auction;

import cn.carbonmarket.contracts.event.PrimaryAuctionRequested.CostContainment;
import cn.carbonmarket.contracts.event.PrimaryAuctionRequested.EmissionsContainment;
import cn.carbonmarket.contracts.party.PartyType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the auction API answers. */
public final class AuctionViews {

    private AuctionViews() {
    }

    /**
     * An auction's public terms and state: {@code quantity} is the volume V, {@code offered} V plus any cost
     * containment volume; {@code bidderCapTonnes} null means no cap, {@code eligibleTypes} null every party;
     * {@code auctionRef} is allocation's reference of a primary auction. Once closed: the clearing price (cleared
     * only), tonnes sold and demand at or above the reserve price.
     */
    public record AuctionView(long auctionId, String auctionRef, UUID seller, String instrument, long quantity,
                              long offered, long lotTonnes, Long bidderCapTonnes, List<PartyType> eligibleTypes,
                              CostContainment costContainment, EmissionsContainment emissionsContainment,
                              long reservePriceFen, Instant opensAt, Instant closesAt, String state,
                              Instant closedAt, Long clearingPriceFen, Long sold, Long demand) {

        static AuctionView of(Auction a) {
            Set<PartyType> eligible = a.eligible();
            return new AuctionView(a.id, a.auctionRef, a.seller, a.instrument, a.quantity, a.offered(), a.lot,
                    a.bidderCap, eligible == null ? null : List.copyOf(eligible),
                    a.ccrTrigger == null ? null : new CostContainment(a.ccrTrigger, a.ccrTonnes),
                    a.ecrFloor == null ? null : new EmissionsContainment(a.ecrFloor, a.ecrWithheld), a.reserve,
                    a.opensAt, a.closesAt, a.state.name(), a.closedAt, a.clearingPrice, a.sold, a.demand);
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
     * The result of a closed auction: CLEARED with the uniform price and what sold, or CANCELLED (nothing sold) with
     * the demand that fell short; {@code bids} are the ones the caller may see (its own, or all for the seller and
     * oversight).
     */
    public record ResultView(long auctionId, String state, long quantity, long offered, long demand,
                             Long clearingPriceFen, long sold, List<BidView> bids) {
    }
}
