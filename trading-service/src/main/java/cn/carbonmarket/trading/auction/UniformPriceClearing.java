package cn.carbonmarket.trading.auction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Uniform-price clearing of a one-way auction. The clearing price is the highest price at which the demand of the
 * bids at or above it covers the volume. Bids above it fill in full; the bids at it share what is left pro rata to
 * their quantities in whole tonnes: each first gets its quota rounded down, then the tonnes still left go one each
 * to the bids with the largest remainders of their quotas, ties to the earlier bid and then the lower bid id
 * (largest remainder method). Each allocation thus lies within one tonne of its exact share and never above the
 * bid. Bids below the price get nothing. With less demand at the reserve price than the volume, nothing clears.
 */
public final class UniformPriceClearing {

    private static final Comparator<SealedBid> HIGHEST_FIRST = Comparator.comparingLong(SealedBid::price).reversed();

    private UniformPriceClearing() {
    }

    /**
     * @param volume  tonnes on offer
     * @param reserve the lowest price in fen; bids below it do not count
     */
    public static ClearingOutcome clear(long volume, long reserve, List<SealedBid> bids) {
        if (volume <= 0 || reserve <= 0) {
            throw new IllegalArgumentException("an auction offers a positive volume at a positive reserve, not "
                    + volume + " t at " + reserve);
        }
        List<SealedBid> eligible = bids.stream().filter(bid -> bid.price() >= reserve).sorted(HIGHEST_FIRST).toList();
        long demand = eligible.stream().mapToLong(SealedBid::quantity).reduce(0, Math::addExact);
        if (demand < volume) {
            return new ClearingOutcome.Undersubscribed(demand);
        }
        long price = clearingPrice(volume, eligible);
        Map<Long, Long> allocations = new TreeMap<>();
        bids.forEach(bid -> allocations.put(bid.bidId(), 0L));
        long filledAbove = 0;
        List<SealedBid> atPrice = new ArrayList<>();
        for (SealedBid bid : eligible) {
            if (bid.price() > price) {
                allocations.put(bid.bidId(), bid.quantity());
                filledAbove += bid.quantity();
            } else if (bid.price() == price) {
                atPrice.add(bid);
            }
        }
        shareProRata(volume - filledAbove, atPrice, allocations);
        return new ClearingOutcome.Cleared(price, allocations);
    }

    /** The highest price at which cumulative demand, highest bids first, reaches the volume. */
    private static long clearingPrice(long volume, List<SealedBid> highestFirst) {
        long cumulative = 0;
        for (SealedBid bid : highestFirst) {
            cumulative += bid.quantity();
            if (cumulative >= volume) {
                return bid.price();
            }
        }
        throw new IllegalStateException("demand covers the volume, so some price does");
    }

    private record Share(SealedBid bid, long floor, long remainder) {
    }

    private static void shareProRata(long left, List<SealedBid> atPrice, Map<Long, Long> allocations) {
        long demandAtPrice = atPrice.stream().mapToLong(SealedBid::quantity).sum();
        List<Share> shares = new ArrayList<>();
        long given = 0;
        for (SealedBid bid : atPrice) {
            long exact = Math.multiplyExact(left, bid.quantity());
            shares.add(new Share(bid, exact / demandAtPrice, exact % demandAtPrice));
            given += exact / demandAtPrice;
        }
        shares.sort(Comparator.comparingLong(Share::remainder).reversed()
                .thenComparing(share -> share.bid().submittedAt())
                .thenComparingLong(share -> share.bid().bidId()));
        long extra = left - given;
        for (int i = 0; i < shares.size(); i++) {
            Share share = shares.get(i);
            allocations.put(share.bid().bidId(), share.floor() + (i < extra ? 1 : 0));
        }
    }
}
