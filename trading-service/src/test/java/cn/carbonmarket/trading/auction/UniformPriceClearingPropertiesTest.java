package cn.carbonmarket.trading.auction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.trading.auction.ClearingOutcome.Cleared;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The clearing rules hold for random supply curves (with and without floor withholding and containment release) and
 * random books of bids in whole lots, on a few price steps around the reserve so that many bids share a price.
 */
class UniformPriceClearingPropertiesTest {

    private static final long RESERVE = 9_000;
    private static final Instant START = Instant.parse("2026-11-25T02:00:00Z");

    /** An auction to clear: its supply curve and its bids. */
    record Book(SupplyCurve supply, List<SealedBid> bids) {
    }

    @Property
    void neverMoreThanTheSupplyAtTheClearingPriceSellsAndWhatSellsIsTheAllocationsInWholeLots(
            @ForAll("books") Book book) {
        if (clear(book) instanceof Cleared cleared) {
            assertThat(cleared.sold()).isPositive().isLessThanOrEqualTo(book.supply().at(cleared.price()))
                    .isLessThanOrEqualTo(book.supply().offered());
            assertThat(cleared.allocated()).hasSize(book.bids().size());
            assertThat(Arrays.stream(cleared.allocated()).filter(tonnes -> tonnes % book.supply().lot() != 0))
                    .isEmpty();
            assertThat(Arrays.stream(cleared.allocated()).sum()).isEqualTo(cleared.sold());
        }
    }

    @Property
    void oneUniformPriceNoWinnerBelowItNobodyAboveItsBidAndBidsAboveItFilled(@ForAll("books") Book book) {
        if (clear(book) instanceof Cleared cleared) {
            assertThat(cleared.price()).isGreaterThanOrEqualTo(RESERVE);
            for (int i = 0; i < book.bids().size(); i++) {
                SealedBid bid = book.bids().get(i);
                long allocated = cleared.allocated()[i];
                assertThat(allocated).isBetween(0L, bid.quantity());
                if (bid.price() < cleared.price()) {
                    assertThat(allocated).isZero();
                } else if (bid.price() > cleared.price()) {
                    assertThat(allocated).isEqualTo(bid.quantity());
                }
            }
        }
    }

    /**
     * Against the definition on every whole price rather than the candidates: the clearing price is the highest price
     * p at or above the reserve whose demand at or above p covers the supply just below p; what sells is the lesser of
     * that demand and the supply at p; with no such price the auction is cancelled.
     */
    @Property
    void thePriceAndWhatSellsFollowTheSupplyCurve(@ForAll("books") Book book) {
        SupplyCurve supply = book.supply();
        long highest = Math.max(Math.max(supply.floorPrice(), supply.triggerPrice()),
                book.bids().stream().mapToLong(SealedBid::price).max().orElse(RESERVE)) + 1;
        Long best = null;
        for (long p = RESERVE; p <= highest; p++) {
            if (demandAtOrAbove(book, p) >= supply.at(p - 1)) {
                best = p;
            }
        }
        ClearingOutcome outcome = clear(book);
        assertThat(outcome.demand()).isEqualTo(demandAtOrAbove(book, RESERVE));
        if (best == null) {
            assertThat(outcome).isInstanceOf(ClearingOutcome.Undersubscribed.class);
        } else {
            assertThat(outcome).isInstanceOf(Cleared.class);
            Cleared cleared = (Cleared) outcome;
            assertThat(cleared.price()).isEqualTo(best);
            assertThat(cleared.sold()).isEqualTo(Math.min(demandAtOrAbove(book, best), supply.at(best)));
        }
    }

    /**
     * The bids at the clearing price get their pro rata share of the lots left rounded down, and the lots still left
     * one each to the earliest of them (then the lowest id): at most one lot more than the rounded-down share, and
     * those that got one precede, in the order of bidding, those that did not.
     */
    @Property
    void bidsAtThePriceShareProRataInWholeLotsWithTheRemainderByTimeThenId(@ForAll("books") Book book) {
        if (clear(book) instanceof Cleared cleared) {
            long lot = book.supply().lot();
            long lotsLeft = (cleared.sold() - demandAtOrAbove(book, cleared.price() + 1)) / lot;
            long lotsAtPrice = (demandAtOrAbove(book, cleared.price())
                    - demandAtOrAbove(book, cleared.price() + 1)) / lot;
            List<Integer> atPrice = IntStream.range(0, book.bids().size())
                    .filter(i -> book.bids().get(i).price() == cleared.price()).boxed()
                    .sorted(Comparator.<Integer, Instant>comparing(i -> book.bids().get(i).submittedAt())
                            .thenComparingLong(i -> book.bids().get(i).bidId()))
                    .toList();
            List<Long> extras = atPrice.stream().map(i -> cleared.allocated()[i] / lot
                    - book.bids().get(i).quantity() / lot * lotsLeft / lotsAtPrice).toList();
            assertThat(extras).allSatisfy(extra -> assertThat(extra).isBetween(0L, 1L));
            assertThat(extras).isSortedAccordingTo(Comparator.reverseOrder());
        }
    }

    @Property
    void theOutcomeDependsOnTheBidsNotTheOrderTheyAreGivenIn(@ForAll("books") Book book, @ForAll long seed) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, book.bids().size()).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        ClearingOutcome shuffled = UniformPriceClearing.clear(book.supply(), RESERVE,
                order.stream().map(book.bids()::get).toList());
        ClearingOutcome original = clear(book);
        if (original instanceof Cleared cleared) {
            Cleared other = (Cleared) shuffled;
            assertThat(other.price()).isEqualTo(cleared.price());
            assertThat(other.sold()).isEqualTo(cleared.sold());
            for (int j = 0; j < order.size(); j++) {
                assertThat(other.allocated()[j]).isEqualTo(cleared.allocated()[order.get(j)]);
            }
        } else {
            assertThat(shuffled).isEqualTo(original);
        }
    }

    private static ClearingOutcome clear(Book book) {
        return UniformPriceClearing.clear(book.supply(), RESERVE, book.bids());
    }

    private static long demandAtOrAbove(Book book, long price) {
        return book.bids().stream().filter(b -> b.price() >= Math.max(price, RESERVE))
                .mapToLong(SealedBid::quantity).sum();
    }

    /**
     * Lots of 1 to 5 t; a volume of 1 to 40 lots; a floor withholding of some lots below the volume and a
     * containment release of up to 20 lots, each set half the time, at prices around the reserve; up to 30 bids of 1
     * to 15 lots on prices from 2 fen below the reserve to 6 above, with submission times that may tie.
     */
    @Provide
    Arbitrary<Book> books() {
        Arbitrary<long[]> bid = Combinators.combine(Arbitraries.longs().between(RESERVE - 2, RESERVE + 6),
                Arbitraries.longs().between(1, 15), Arbitraries.longs().between(0, 5))
                .as((price, lots, second) -> new long[] {price, lots, second});
        return Combinators.combine(Arbitraries.longs().between(1, 5), Arbitraries.longs().between(1, 40),
                        Arbitraries.doubles().between(0, 1), Arbitraries.longs().between(RESERVE - 1, RESERVE + 6),
                        Arbitraries.longs().between(0, 20), Arbitraries.longs().between(RESERVE, RESERVE + 7),
                        Arbitraries.integers().between(0, 3), bid.list().ofMaxSize(30))
                .as((lot, volumeLots, withholdShare, floor, releaseLots, trigger, shape, raw) -> {
                    SupplyCurve supply = SupplyCurve.fixed(volumeLots * lot, lot);
                    long withheldLots = Math.min((long) (withholdShare * volumeLots), volumeLots - 1);
                    if ((shape & 1) != 0 && withheldLots > 0) {
                        supply = supply.withFloor(floor, withheldLots * lot);
                    }
                    if ((shape & 2) != 0 && releaseLots > 0) {
                        supply = supply.withRelease(trigger, releaseLots * lot);
                    }
                    List<SealedBid> bids = new ArrayList<>();
                    for (int i = 0; i < raw.size(); i++) {
                        long[] b = raw.get(i);
                        bids.add(new SealedBid(1_000 + i, b[0], b[1] * lot, START.plusSeconds(b[2])));
                    }
                    return new Book(supply, bids);
                });
    }
}
