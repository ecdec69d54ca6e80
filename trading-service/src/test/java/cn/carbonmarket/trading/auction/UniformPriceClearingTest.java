package cn.carbonmarket.trading.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UniformPriceClearingTest {

    private static final Instant T = Instant.parse("2026-11-25T02:00:00Z");

    @Test
    void bidsAboveFillInFullAndTheMarginalPriceSharesTheRestByLargestRemainder() {
        // 1,000 t: 400 t above at 10,500; 600 t left for 300 + 300 + 300 at 10,000: 200 each exactly.
        // 10 t left for 3 bids of 1 t, 2 t and 7 t at the margin: quotas 1, 2, 7 exactly.
        ClearingOutcome outcome = UniformPriceClearing.clear(1_000, 9_000, List.of(
                new SealedBid(1, 10_500, 400, T), new SealedBid(2, 10_000, 300, T),
                new SealedBid(3, 10_000, 300, T.plusSeconds(1)), new SealedBid(4, 10_000, 300, T.plusSeconds(2)),
                new SealedBid(5, 9_500, 1_000, T)));
        assertThat(outcome).isEqualTo(new ClearingOutcome.Cleared(10_000,
                Map.of(1L, 400L, 2L, 200L, 3L, 200L, 4L, 200L, 5L, 0L)));
    }

    @Test
    void leftoverTonnesGoToTheLargestRemaindersThenTheEarlierBidThenTheLowerId() {
        // 10 t among three bids of 10 t at one price: quotas 3 1/3 each, equal remainders; the one leftover tonne
        // goes to the earliest bid (id 3).
        ClearingOutcome outcome = UniformPriceClearing.clear(10, 9_000, List.of(
                new SealedBid(1, 9_000, 10, T.plusSeconds(5)), new SealedBid(2, 9_000, 10, T.plusSeconds(5)),
                new SealedBid(3, 9_000, 10, T)));
        assertThat(outcome).isEqualTo(new ClearingOutcome.Cleared(9_000, Map.of(1L, 3L, 2L, 3L, 3L, 4L)));

        // 11 t: two leftover tonnes; bid 3 (earliest), then bid 1 (lower id than 2 at the same time).
        assertThat(UniformPriceClearing.clear(11, 9_000, List.of(
                new SealedBid(1, 9_000, 10, T.plusSeconds(5)), new SealedBid(2, 9_000, 10, T.plusSeconds(5)),
                new SealedBid(3, 9_000, 10, T))))
                .isEqualTo(new ClearingOutcome.Cleared(9_000, Map.of(1L, 4L, 2L, 3L, 3L, 4L)));

        // The larger remainder wins before time: 5 t over bids of 3 t (early) and 4 t (late), quotas 15/7 = 2 r 1
        // and 20/7 = 2 r 6; the late bid's larger remainder takes the leftover tonne.
        assertThat(UniformPriceClearing.clear(5, 9_000, List.of(
                new SealedBid(1, 9_000, 3, T), new SealedBid(2, 9_000, 4, T.plusSeconds(9)))))
                .isEqualTo(new ClearingOutcome.Cleared(9_000, Map.of(1L, 2L, 2L, 3L)));
    }

    @Test
    void demandBelowTheVolumeAtTheReserveCancelsAndBidsBelowTheReserveDoNotCount() {
        assertThat(UniformPriceClearing.clear(1_000, 9_000, List.of(
                new SealedBid(1, 9_000, 600, T), new SealedBid(2, 8_999, 900, T))))
                .isEqualTo(new ClearingOutcome.Undersubscribed(600));
        assertThat(UniformPriceClearing.clear(1_000, 9_000, List.of()))
                .isEqualTo(new ClearingOutcome.Undersubscribed(0));
    }
}
