package cn.carbonmarket.trading.auction;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.block.OffBookTrade;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A sealed bid in an auction and, after the close, what it was allocated and the trade that is. */
@Entity
@Table(name = "auction_bid")
public class AuctionBid extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "auction_id", nullable = false)
    public long auctionId;

    @Column(nullable = false)
    public UUID bidder;

    @Column(name = "price_fen", nullable = false)
    public long price;

    @Column(nullable = false)
    public long quantity;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    /** Tonnes allocated at the close; null before it, zero for a bid that got nothing. */
    public Long allocated;

    @Column(name = "trade_id")
    public String tradeId;

    /** The quantities of the bids {@code bidder} has placed in the auction. */
    static Uni<List<Long>> quantitiesOf(long auctionId, PartyId bidder) {
        return AuctionBid.<AuctionBid>list("auctionId = ?1 and bidder = ?2", auctionId, bidder.value())
                .map(bids -> bids.stream().map(bid -> bid.quantity).toList());
    }

    /** Every bid of the auction, oldest first. */
    static Uni<List<AuctionBid>> ofAuction(long auctionId) {
        return list("auctionId = ?1 order by id", auctionId);
    }

    /** The trade this bid's allocation made in the cleared {@code auction}: the seller's tonnes at its price. */
    OffBookTrade trade(Auction auction) {
        return new OffBookTrade(tradeId, TradeMode.AUCTION, InstrumentCode.parse(auction.instrument),
                new PartyId(bidder), new PartyId(auction.seller), allocated, auction.clearingPrice, auction.closedAt);
    }

    SealedBid sealed() {
        return new SealedBid(id, price, quantity, submittedAt);
    }
}
