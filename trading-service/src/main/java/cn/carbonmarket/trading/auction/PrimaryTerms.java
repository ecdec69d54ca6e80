package cn.carbonmarket.trading.auction;

import cn.carbonmarket.contracts.event.PrimaryAuctionRequested;
import cn.carbonmarket.contracts.event.PrimaryAuctionRequested.CostContainment;
import cn.carbonmarket.contracts.event.PrimaryAuctionRequested.EmissionsContainment;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.trading.rules.AuctionRules;
import cn.carbonmarket.trading.rules.ListingRules;

/**
 * A primary auction as allocation asks for it, checked against what the exchange can run (422, nothing announced):
 * whole lots on the listing's quantity step, a reserve price on the tick, V + R within the volume maximum, a floor
 * withholding below V, a window that closes after it opens and someone to bid. A containment of zero tonnes is none.
 */
final class PrimaryTerms {

    /** Who announced a primary auction, in place of the operator's name. */
    static final String ANNOUNCED_BY = "allocation";

    private PrimaryTerms() {
    }

    /** The auction to announce, not yet persisted. */
    static Auction auction(PrimaryAuctionRequested request, AuctionRules limits, ListingRules listing) {
        check(request, limits, listing);
        Auction auction = Auction.offering(request.seller(), request.instrument(), request.volumeTonnes(),
                request.lotTonnes(), request.reservePriceFen(), request.opensAt(), request.closesAt(), ANNOUNCED_BY);
        auction.auctionRef = request.auctionRef();
        auction.bidderCap = request.bidderCapTonnes();
        auction.eligible(request.eligibleTypes());
        if (released(request) > 0) {
            auction.ccrTrigger = request.costContainment().triggerPriceFen();
            auction.ccrTonnes = released(request);
        }
        if (withheld(request) > 0) {
            auction.ecrFloor = request.emissionsContainment().floorPriceFen();
            auction.ecrWithheld = withheld(request);
        }
        return auction;
    }

    private static void check(PrimaryAuctionRequested request, AuctionRules limits, ListingRules listing) {
        long lot = request.lotTonnes();
        if (lot <= 0 || lot % listing.quantityStep() != 0) {
            throw new RuleViolationException("QUANTITY_NOT_ON_STEP", "a lot of " + lot + " t is not a positive"
                    + " multiple of the quantity step " + listing.quantityStep() + " t");
        }
        long volume = request.volumeTonnes();
        if (volume <= 0 || volume % lot != 0 || released(request) % lot != 0 || withheld(request) % lot != 0) {
            throw new RuleViolationException("LOT_SIZE", "volume " + volume + " t, containment release "
                    + released(request) + " t and withholding " + withheld(request) + " t are whole lots of "
                    + lot + " t, the volume at least one");
        }
        if (request.offeredTonnes() > limits.maxQuantity()) {
            throw new RuleViolationException("AUCTION_ABOVE_MAXIMUM", "an auction offers at most "
                    + limits.maxQuantity() + " t, not " + request.offeredTonnes());
        }
        if (request.reservePriceFen() <= 0 || request.reservePriceFen() % listing.tick() != 0) {
            throw new RuleViolationException("PRICE_NOT_ON_TICK", "a reserve price of " + request.reservePriceFen()
                    + " fen is not a positive multiple of the tick " + listing.tick());
        }
        if (released(request) < 0 || withheld(request) < 0 || withheld(request) >= volume
                || released(request) > 0 && request.costContainment().triggerPriceFen() <= 0
                || withheld(request) > 0 && request.emissionsContainment().floorPriceFen() <= 0) {
            throw new RuleViolationException("INVALID_AUCTION_TERMS", "containment volumes are not negative, a"
                    + " withholding is below the volume and the trigger and floor prices are positive");
        }
        if (!request.closesAt().isAfter(request.opensAt())) {
            throw new RuleViolationException("INVALID_AUCTION_TERMS", "the bid window closes after it opens");
        }
        if (request.eligibleTypes().isEmpty() || request.bidderCapTonnes() < lot) {
            throw new RuleViolationException("INVALID_AUCTION_TERMS", "an auction needs eligible party types and a"
                    + " bidder cap of at least one lot, not " + request.eligibleTypes() + " and "
                    + request.bidderCapTonnes() + " t");
        }
    }

    private static long released(PrimaryAuctionRequested request) {
        CostContainment ccr = request.costContainment();
        return ccr == null ? 0 : ccr.releaseTonnes();
    }

    private static long withheld(PrimaryAuctionRequested request) {
        EmissionsContainment ecr = request.emissionsContainment();
        return ecr == null ? 0 : ecr.withholdTonnes();
    }
}
