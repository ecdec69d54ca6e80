package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A primary auction's published result: the clearing price (null when cancelled), the volume the calendar offered,
 * what the supply was with the stability reserve's adjustments, what sold, demand at or above the reserve price and
 * the cover ratio (demand / volume, two decimals), the bidders and each winner's tonnes and payment, the revenue
 * (clearing price x sold), and where the units that did not sell go back to from trading: each {@code returns} entry
 * is released once by settlement from the seller's position ({@link UnitsReleased} with that destination and the
 * release id as withdrawal id). Keyed by auction reference on {@code allocation.auction-results}.
 */
public record AuctionResult(String auctionRef, String periodId, InstrumentCode instrument, PartyId seller,
                            String outcome, Long clearingPriceFen, long reservePriceFen, long volumeTonnes,
                            long offeredTonnes, long soldTonnes, long demandTonnes, BigDecimal coverRatio,
                            int bidders, List<Winner> winners, long revenueFen, List<UnsoldReturn> returns,
                            Instant closedAt) {

    public static final EventType<AuctionResult> TYPE = new EventType<>("AuctionResult", 1, AuctionResult.class,
            Topics.ALLOCATION_AUCTION_RESULTS);

    public record Winner(PartyId partyId, long tonnes, long amountFen) {
    }

    /**
     * Unsold units leaving trading for a national account: the issuance account (carried over to later auctions)
     * or the stability reserve (withheld below the floor, or a cost containment volume that was not released).
     */
    public record UnsoldReturn(String releaseId, AccountId destination, long tonnes, String reason) {
    }

    public AuctionResult {
        winners = List.copyOf(winners);
        returns = List.copyOf(returns);
    }
}
