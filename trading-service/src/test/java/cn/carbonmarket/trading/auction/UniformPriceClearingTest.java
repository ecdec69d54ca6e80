package cn.carbonmarket.trading.auction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.trading.auction.ClearingOutcome.Cleared;
import cn.carbonmarket.trading.auction.ClearingOutcome.Undersubscribed;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clearing with its figures written out: lots of 100 t, a reserve price of 9,000 fen unless said otherwise. */
class UniformPriceClearingTest {

    private static final Instant T = Instant.parse("2026-11-25T02:00:00Z");
    private static final long RESERVE = 9_000;
    private static final SupplyCurve THOUSAND = SupplyCurve.fixed(1_000, 100);

    @Test
    void demandExactlyCoveringTheVolumeClearsAtTheLowestBidAndFillsEveryBid() {
        // Highest first: 400 t at 10,500 (short of 1,000), 700 t from 10,000, 1,000 t from 9,500: that price.
        assertThat(clear(THOUSAND, bid(1, 10_500, 400), bid(2, 10_000, 300), bid(3, 9_500, 300)))
                .isEqualTo(new Cleared(9_500, 1_000, 1_000, new long[] {400, 300, 300}));
    }

    @Test
    void demandShortOfTheVolumeAtTheReserveCancelsTheAuction() {
        assertThat(clear(THOUSAND, bid(1, 9_000, 600), bid(2, 8_900, 900))).isEqualTo(new Undersubscribed(600));
        assertThat(clear(THOUSAND)).isEqualTo(new Undersubscribed(0));
    }

    @Test
    void bidsBelowTheReserveNeitherCountNorWin() {
        // 1,500 t bid, 500 t of it at 8,999: demand at the reserve is 1,000, the auction clears at the reserve.
        assertThat(clear(THOUSAND, bid(1, 9_000, 500), bid(2, 8_999, 500), bid(3, 9_000, 500)))
                .isEqualTo(new Cleared(9_000, 1_000, 1_000, new long[] {500, 0, 500}));
    }

    @Test
    void bidsAboveTheClearingPriceFillAndTheBidsAtItShareTheRestProRataInWholeLots() {
        // 400 t above at 10,500; 600 t (6 lots) left for 3 x 300 t (9 lots) at 10,000: 6 x 3 / 9 = 2 lots each.
        assertThat(clear(THOUSAND, bid(1, 10_500, 400), bid(2, 10_000, 300), at(3, 10_000, 300, 1),
                at(4, 10_000, 300, 2), bid(5, 9_500, 1_000)))
                .isEqualTo(new Cleared(10_000, 1_000, 2_300, new long[] {400, 200, 200, 200, 0}));
    }

    @Test
    void remainderLotsGoOneEachByTimeOfBidThenBidId() {
        // 10 lots among three bids of 10 lots at one price: 3 lots each (3 1/3), one lot left: the earliest, bid 3.
        assertThat(clear(THOUSAND, at(1, 9_000, 1_000, 5), at(2, 9_000, 1_000, 5), bid(3, 9_000, 1_000)))
                .isEqualTo(new Cleared(9_000, 1_000, 3_000, new long[] {300, 300, 400}));
        // 11 lots: two left, to bid 3 (earliest), then bid 1 (the lower id of the two placed at the same time).
        assertThat(clear(SupplyCurve.fixed(1_100, 100), at(1, 9_000, 1_000, 5), at(2, 9_000, 1_000, 5),
                bid(3, 9_000, 1_000)))
                .isEqualTo(new Cleared(9_000, 1_100, 3_000, new long[] {400, 300, 400}));
        // Time, not the size of the fraction: 5 lots over 3 lots (early) and 4 lots (late) share 2 1/7 and 2 6/7,
        // both rounded down to 2; the one lot left goes to the earlier bid although the later one's fraction is
        // larger.
        assertThat(clear(SupplyCurve.fixed(500, 100), bid(1, 9_000, 300), at(2, 9_000, 400, 9)))
                .isEqualTo(new Cleared(9_000, 500, 700, new long[] {300, 200}));
    }

    @Test
    void atAndAboveTheTriggerPriceTheContainmentVolumeSells() {
        SupplyCurve containment = THOUSAND.withRelease(12_000, 500);
        // Demand at 12,500 and above (1,600 t) covers V + R = 1,500 t: the whole release sells at 12,500.
        assertThat(clear(containment, bid(1, 13_000, 900), bid(2, 12_500, 700)))
                .isEqualTo(new Cleared(12_500, 1_500, 1_600, new long[] {900, 600}));
        // 1,300 t at or above the trigger: more than V, less than V + R. The price stops at the trigger (the step
        // below it, V, is covered) and 300 t of R sell, every bid at or above the trigger filled.
        assertThat(clear(containment, bid(1, 13_000, 800), bid(2, 12_500, 500), bid(3, 9_000, 400)))
                .isEqualTo(new Cleared(12_000, 1_300, 1_700, new long[] {800, 500, 0}));
        // Below the trigger nothing of R sells: 600 t at or above it is short of V; 10,000 clears V.
        assertThat(clear(containment, bid(1, 13_000, 600), bid(2, 11_000, 300), bid(3, 10_000, 400)))
                .isEqualTo(new Cleared(10_000, 1_000, 1_300, new long[] {600, 300, 100}));
    }

    @Test
    void belowTheFloorPriceTheWithholdingDoesNotSell() {
        SupplyCurve floor = THOUSAND.withFloor(10_000, 300);
        // 900 t bid below the floor: V - W = 700 t sell at 9,500, the highest price whose demand covers 700 t.
        assertThat(clear(floor, bid(1, 9_800, 500), bid(2, 9_500, 400)))
                .isEqualTo(new Cleared(9_500, 700, 900, new long[] {500, 200}));
        // 900 t at 10,500 is short of V but covers V - W: the price stays at the floor and all 900 t sell.
        assertThat(clear(floor, bid(1, 10_500, 900)))
                .isEqualTo(new Cleared(10_000, 900, 900, new long[] {900}));
        // Short even of V - W: cancelled.
        assertThat(clear(floor, bid(1, 9_500, 600))).isEqualTo(new Undersubscribed(600));
    }

    private static ClearingOutcome clear(SupplyCurve supply, SealedBid... bids) {
        return UniformPriceClearing.clear(supply, RESERVE, List.of(bids));
    }

    private static SealedBid bid(long id, long price, long quantity) {
        return at(id, price, quantity, 0);
    }

    private static SealedBid at(long id, long price, long quantity, long secondsLater) {
        return new SealedBid(id, price, quantity, T.plusSeconds(secondsLater));
    }
}
