package cn.carbonmarket.allocation.auction;

import cn.carbonmarket.allocation.reserve.StabilityReserve;
import cn.carbonmarket.contracts.event.AuctionClosed;
import cn.carbonmarket.contracts.event.AuctionResult;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.Jurisdiction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * An auction's result from the exchange's close and what was offered: each winner's payment, the revenue, the cover
 * ratio and where the unsold units go back to (design step 9). A function of its inputs; the carry-over of a
 * cancelled volume is {@link CarryOver}'s.
 *
 * <ul>
 *   <li>cleared: the cost containment release sold is what sold beyond the volume; the rest of it goes back to the
 *   stability reserve (CCR_NOT_RELEASED); unsold volume goes to the reserve as ECR_WITHHELD where the auction had a
 *   floor withholding, else back to the issuance account and on to later auctions (UNSOLD_CARRIED_OVER);</li>
 *   <li>cancelled: nothing sold; the volume back to the issuance account and carried over, the release back to the
 *   reserve.</li>
 * </ul>
 */
final class ResultComputation {

    private ResultComputation() {
    }

    /** What the auction offered, as prepared. */
    record Offer(String auctionRef, Jurisdiction jurisdiction, long lotTonnes, long volumeTonnes, long releaseTonnes,
                 Long triggerFen, long withholdTonnes, Long floorFen) {
    }

    /** The result; {@code carriedLots} of the volume go on to later auctions, {@code releasedTonnes} of R sold. */
    record Computed(AuctionClosed.Outcome outcome, Long clearingPriceFen, long soldTonnes, long demandTonnes,
                    BigDecimal coverRatio, long revenueFen, List<AuctionResult.Winner> winners,
                    List<AuctionResult.UnsoldReturn> returns, long releasedTonnes, long carriedLots) {
    }

    static Computed compute(Offer offer, AuctionClosed closed) {
        BigDecimal cover = BigDecimal.valueOf(closed.demandTonnes())
                .divide(BigDecimal.valueOf(offer.volumeTonnes()), 2, RoundingMode.HALF_UP);
        List<AuctionResult.UnsoldReturn> returns = new ArrayList<>();
        if (closed.outcome() == AuctionClosed.Outcome.CANCELLED) {
            add(returns, offer, ReturnReason.UNSOLD_CARRIED_OVER, offer.volumeTonnes());
            add(returns, offer, ReturnReason.CCR_NOT_RELEASED, offer.releaseTonnes());
            return new Computed(closed.outcome(), null, 0, closed.demandTonnes(), cover, 0, List.of(), returns, 0,
                    offer.volumeTonnes() / offer.lotTonnes());
        }
        Long price = closed.clearingPriceFen();
        if (price == null) {
            throw new IllegalStateException("auction " + offer.auctionRef() + " cleared without a clearing price");
        }
        long sold = closed.soldTonnes();
        long released = Math.min(offer.releaseTonnes(), Math.max(0, sold - offer.volumeTonnes()));
        long unsold = offer.volumeTonnes() - Math.min(sold, offer.volumeTonnes());
        boolean withheld = offer.floorFen() != null && offer.withholdTonnes() > 0;
        add(returns, offer, ReturnReason.CCR_NOT_RELEASED, offer.releaseTonnes() - released);
        add(returns, offer, withheld ? ReturnReason.ECR_WITHHELD : ReturnReason.UNSOLD_CARRIED_OVER, unsold);
        List<AuctionResult.Winner> winners = closed.winners().stream()
                .map(w -> new AuctionResult.Winner(w.partyId(), w.tonnes(), Math.multiplyExact(price, w.tonnes())))
                .toList();
        return new Computed(closed.outcome(), price, sold, closed.demandTonnes(), cover, Math.multiplyExact(price, sold),
                winners, returns, released, withheld ? 0 : unsold / offer.lotTonnes());
    }

    private static void add(List<AuctionResult.UnsoldReturn> returns, Offer offer, ReturnReason reason, long tonnes) {
        if (tonnes > 0) {
            AccountId destination = new AccountId(reason.toReserve() ? StabilityReserve.accountOf(offer.jurisdiction())
                    : "NATIONAL_ISSUANCE-" + offer.jurisdiction().name());
            returns.add(new AuctionResult.UnsoldReturn(releaseId(offer.auctionRef(), reason), destination, tonnes,
                    reason.name()));
        }
    }

    static String releaseId(String auctionRef, ReturnReason reason) {
        return auctionRef + "-" + reason.name();
    }
}
