package cn.carbonmarket.trading.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The clearing rules hold for random bid books, small prices so that many bids share the clearing price. */
class UniformPriceClearingPropertiesTest {

    private static final long RESERVE = 9_000;
    private static final Instant START = Instant.parse("2026-11-25T02:00:00Z");

    @Property
    void aClearedAuctionAllocatesExactlyTheVolumeAndNobodyMoreThanItsBid(
            @ForAll("bids") List<SealedBid> bids, @ForAll @LongRange(min = 1, max = 5_000) long volume) {
        if (UniformPriceClearing.clear(volume, RESERVE, bids) instanceof ClearingOutcome.Cleared cleared) {
            assertThat(cleared.allocations().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(volume);
            bids.forEach(bid -> assertThat(cleared.allocations().get(bid.bidId())).isBetween(0L, bid.quantity()));
        }
    }

    @Property
    void itIsCancelledExactlyWhenDemandAtTheReserveFallsShort(
            @ForAll("bids") List<SealedBid> bids, @ForAll @LongRange(min = 1, max = 5_000) long volume) {
        long demand = bids.stream().filter(b -> b.price() >= RESERVE).mapToLong(SealedBid::quantity).sum();
        ClearingOutcome outcome = UniformPriceClearing.clear(volume, RESERVE, bids);
        assertThat(outcome instanceof ClearingOutcome.Undersubscribed).isEqualTo(demand < volume);
    }

    @Property
    void theClearingPriceIsTheHighestThatCoversTheVolumeAndOnlyBidsAtOrAboveItFill(
            @ForAll("bids") List<SealedBid> bids, @ForAll @LongRange(min = 1, max = 5_000) long volume) {
        if (UniformPriceClearing.clear(volume, RESERVE, bids) instanceof ClearingOutcome.Cleared cleared) {
            long price = cleared.price();
            assertThat(demandAtOrAbove(bids, price)).isGreaterThanOrEqualTo(volume);
            assertThat(demandAtOrAbove(bids, price + 1)).isLessThan(volume);
            for (SealedBid bid : bids) {
                long allocated = cleared.allocations().get(bid.bidId());
                if (bid.price() < price) {
                    assertThat(allocated).isZero();
                } else if (bid.price() > price) {
                    assertThat(allocated).isEqualTo(bid.quantity());
                }
            }
        }
    }

    @Property
    void bidsAtTheClearingPriceGetTheirProRataShareWithinOneTonne(
            @ForAll("bids") List<SealedBid> bids, @ForAll @LongRange(min = 1, max = 5_000) long volume) {
        if (UniformPriceClearing.clear(volume, RESERVE, bids) instanceof ClearingOutcome.Cleared cleared) {
            long price = cleared.price();
            long left = volume - demandAtOrAbove(bids, price + 1);
            long demandAtPrice = demandAtOrAbove(bids, price) - demandAtOrAbove(bids, price + 1);
            bids.stream().filter(bid -> bid.price() == price).forEach(bid -> {
                // |allocated - left * q / D| < 1, kept in whole numbers: |allocated * D - left * q| < D.
                long scaled = cleared.allocations().get(bid.bidId()) * demandAtPrice - left * bid.quantity();
                assertThat(Math.abs(scaled)).isLessThan(demandAtPrice);
            });
        }
    }

    @Property
    void theOutcomeDependsOnTheBidsNotTheOrderTheyAreGivenIn(
            @ForAll("bids") List<SealedBid> bids, @ForAll @LongRange(min = 1, max = 5_000) long volume,
            @ForAll long seed) {
        List<SealedBid> shuffled = new ArrayList<>(bids);
        Collections.shuffle(shuffled, new java.util.Random(seed));
        assertThat(UniformPriceClearing.clear(volume, RESERVE, shuffled))
                .isEqualTo(UniformPriceClearing.clear(volume, RESERVE, bids));
    }

    private static long demandAtOrAbove(List<SealedBid> bids, long price) {
        return bids.stream().filter(b -> b.price() >= Math.max(price, RESERVE)).mapToLong(SealedBid::quantity).sum();
    }

    /** Up to 30 bids on a few price steps around the reserve, with distinct ids and submission times that may tie. */
    @Provide
    Arbitrary<List<SealedBid>> bids() {
        Arbitrary<long[]> bid = Combinators.combine(Arbitraries.longs().between(RESERVE - 2, RESERVE + 4),
                Arbitraries.longs().between(1, 800), Arbitraries.longs().between(0, 5))
                .as((price, quantity, second) -> new long[] {price, quantity, second});
        return bid.list().ofMaxSize(30).map(raw -> {
            List<SealedBid> bids = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                long[] b = raw.get(i);
                bids.add(new SealedBid(1_000 + i, b[0], b[1], START.plusSeconds(b[2])));
            }
            return bids;
        });
    }
}
