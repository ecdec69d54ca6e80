package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.Instant;
import java.util.Set;

/**
 * Allocation asks the exchange to hold a primary auction: the auctioneer sells {@code volumeTonnes} (whole lots of
 * {@code lotTonnes}) at or above the reserve price to sealed bids from parties of the eligible types during the
 * window, each bidder's bids together at most {@code bidderCapTonnes}. The units are already in trading in the
 * seller's name (volume plus any cost containment release). Trading announces it once per auction reference and
 * answers on {@code trading.auctions}. Keyed by auction reference on {@code allocation.auctions}.
 *
 * @param costContainment      null, or units added to the supply at and above a trigger price (RGGI's CCR)
 * @param emissionsContainment null, or units withheld from the supply below a floor price (RGGI's ECR)
 */
public record PrimaryAuctionRequested(String auctionRef, PartyId seller, InstrumentCode instrument, long lotTonnes,
                                      long volumeTonnes, long reservePriceFen, long bidderCapTonnes,
                                      Set<PartyType> eligibleTypes, Instant opensAt, Instant closesAt,
                                      CostContainment costContainment,
                                      EmissionsContainment emissionsContainment) {

    public static final EventType<PrimaryAuctionRequested> TYPE = new EventType<>("PrimaryAuctionRequested", 1,
            PrimaryAuctionRequested.class, Topics.ALLOCATION_AUCTIONS);

    /** {@code releaseTonnes} more on offer at a clearing price of {@code triggerPriceFen} or above. */
    public record CostContainment(long triggerPriceFen, long releaseTonnes) {
    }

    /** {@code withholdTonnes} fewer on offer at a clearing price below {@code floorPriceFen}. */
    public record EmissionsContainment(long floorPriceFen, long withholdTonnes) {
    }

    public PrimaryAuctionRequested {
        eligibleTypes = Set.copyOf(eligibleTypes);
    }

    /** What the seller puts up: the volume and any cost containment release. */
    public long offeredTonnes() {
        return costContainment == null ? volumeTonnes : Math.addExact(volumeTonnes, costContainment.releaseTonnes());
    }
}
