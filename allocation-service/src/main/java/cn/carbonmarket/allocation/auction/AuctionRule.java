package cn.carbonmarket.allocation.auction;

import cn.carbonmarket.allocation.rules.Figure;
import cn.carbonmarket.contracts.party.PartyType;
import java.time.Duration;
import java.util.Set;

/**
 * The primary auction rules of one benchmark pack: lot, bidder cap, who may bid, the calendar's bounds, the reserve
 * price rule, how far a cancelled auction's volume is spread and when an auction is prepared. Each keeps its source.
 */
public record AuctionRule(String pack, Figure lotTonnes, Figure bidderCapShare, Eligibility eligibleTypes,
                          Figure maxVolumeLots, Figure minBidWindowMinutes, Figure maxBidWindowMinutes,
                          ReservePriceRule reservePrice, Figure carryOverAuctions, Lead autoPrepareLead) {

    /** The party types admitted to bid, with the document that says so. */
    public record Eligibility(Set<PartyType> value, String source, boolean confirmed) {

        public Eligibility {
            value = Set.copyOf(value);
        }
    }

    /** How long before its window opens an auction is prepared. */
    public record Lead(Duration value, String source, boolean confirmed) {
    }

    /** max(floor, ceil(share x the mean of the last {@code tradingDays} daily closes)). */
    public record ReservePriceRule(Figure floorFen, Figure marketShare, Figure tradingDays) {

        int days() {
            return tradingDays.value().intValueExact();
        }
    }

    long lot() {
        return lotTonnes.value().longValueExact();
    }

    int carryOverCount() {
        return carryOverAuctions.value().intValueExact();
    }
}
