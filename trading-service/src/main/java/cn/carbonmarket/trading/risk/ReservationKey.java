package cn.carbonmarket.trading.risk;

/** What a reservation in the {@link RiskBook} is held for, so that it is found again when it trades or ends. */
public sealed interface ReservationKey {

    /** An open order of a continuous book. */
    record Order(long orderId) implements ReservationKey {
    }

    /** A commitment made outside the books, which trades at a price and in a mode of its own. */
    sealed interface OffBook extends ReservationKey {
    }

    /** The seller's tonnes an announced auction offers. */
    record AuctionVolume(long auctionId) implements OffBook {
    }

    /** A sealed auction bid's cash: its price and the most fee per tonne. */
    record AuctionBid(long bidId) implements OffBook {
    }
}
