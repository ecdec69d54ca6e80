package cn.carbonmarket.trading.orderbook;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PriceBandTest {

    @Test
    void tenPercentOfAPreviousCloseOfFiftyYuan() {
        assertThat(PriceBand.around(5_000, 1_000, 1)).isEqualTo(new PriceBand(4_500, 5_500));
    }

    @Test
    void limitsRoundHalfUpToTheTick() {
        // 55.55 CNY: 10% is 5.555 CNY, so the limits are 49.995 -> 50.00 and 61.105 -> 61.11.
        assertThat(PriceBand.around(5_555, 1_000, 1)).isEqualTo(new PriceBand(5_000, 6_111));
        // With a 5 fen tick, 61.105 CNY lies nearer 61.10 than 61.15.
        assertThat(PriceBand.around(5_555, 1_000, 5)).isEqualTo(new PriceBand(5_000, 6_110));
    }

    @Test
    void theLowerLimitIsNeverBelowOneTick() {
        assertThat(PriceBand.around(2, 9_000, 1)).isEqualTo(new PriceBand(1, 4));
    }

    @Property
    void theBandNeverExceedsTheShareByMoreThanHalfATick(@ForAll @LongRange(min = 100, max = 100_000_000) long close,
                                                        @ForAll @LongRange(min = 1, max = 5_000) long basisPoints) {
        PriceBand band = PriceBand.around(close, basisPoints, 1);
        // Compare in units of 1/20,000 fen so that half a fen is exact.
        long exactHigh = close * (10_000 + basisPoints) * 2;
        long exactLow = close * (10_000 - basisPoints) * 2;
        assertThat(Math.abs(band.highest() * 20_000 - exactHigh)).isLessThanOrEqualTo(10_000);
        assertThat(Math.abs(band.lowest() * 20_000 - exactLow)).isLessThanOrEqualTo(10_000);
        assertThat(band.contains(close)).isTrue();
    }
}
