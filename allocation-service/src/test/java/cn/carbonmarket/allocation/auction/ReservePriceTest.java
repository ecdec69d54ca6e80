package cn.carbonmarket.allocation.auction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reserve price rule of CN-2022 (floor 2,000 fen, 0.8 x the mean of the last 20 closes), figures written out. */
class ReservePriceTest {

    private static final AuctionRule.ReservePriceRule RULE = AuctionRules.load(new ObjectMapper()).of("CN-2022")
            .orElseThrow().reservePrice();

    @Test
    void eightyPercentOfTheAverageCloseWhenAboveTheFloor() {
        // mean of 5,000, 5,100, 5,200 = 5,100; 0.8 x 5,100 = 4,080
        ReservePrice price = ReservePrice.of(RULE, List.of(5_000L, 5_100L, 5_200L));
        assertThat(price.priceFen()).isEqualTo(4_080);
        assertThat(price.closesUsed()).isEqualTo(3);
        assertThat(price.closesSumFen()).isEqualTo(15_300);
        assertThat(price.averageCloseFen()).isEqualByComparingTo("5100.00");
        assertThat(price.floorFen()).isEqualTo(2_000);
    }

    @Test
    void roundedUpToTheFen() {
        // 0.8 x (5,001 + 5,000) / 2 = 4,000.4 -> 4,001
        assertThat(ReservePrice.of(RULE, List.of(5_001L, 5_000L)).priceFen()).isEqualTo(4_001);
    }

    @Test
    void theFloorWhenTheMarketIsLowOrSilent() {
        // 0.8 x 2,050 = 1,640 < 2,000
        assertThat(ReservePrice.of(RULE, List.of(2_000L, 2_100L)).priceFen()).isEqualTo(2_000);
        ReservePrice none = ReservePrice.of(RULE, List.of());
        assertThat(none.priceFen()).isEqualTo(2_000);
        assertThat(none.closesUsed()).isZero();
        assertThat(none.averageCloseFen()).isNull();
    }

    @Test
    void onlyTheLastTwentyClosesCount() {
        List<Long> closes = new ArrayList<>(List.of(100_000L));
        closes.addAll(Collections.nCopies(20, 5_000L));
        ReservePrice price = ReservePrice.of(RULE, closes);
        assertThat(price.closesUsed()).isEqualTo(20);
        assertThat(price.priceFen()).isEqualTo(4_000);
    }
}
