package cn.carbonmarket.trading.orderbook;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.trading.rules.ListingRules;
import cn.carbonmarket.trading.rules.TradingRulePack;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** One example per published listing rule of the national market, with the national rule pack. */
class OrderValidationTest {

    private static final ListingRules NATIONAL = TradingRulePack.load(new ObjectMapper()).listing(Jurisdiction.CN)
            .orElseThrow();

    /** Previous close 60.00 CNY: the band is 54.00 .. 66.00 CNY. */
    private final OrderValidation validation = new OrderValidation(NATIONAL, 6_000);

    @Test
    void theDailyBandIsTenPercentEitherSideOfThePreviousCloseEdgesIncluded() {
        assertThat(validation.band()).isEqualTo(new PriceBand(5_400, 6_600));
        assertThat(validation.limitOrder(6_600, 1)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(validation.limitOrder(6_601, 1)).isEqualTo(ResultCode.PRICE_ABOVE_BAND);
        assertThat(validation.limitOrder(5_400, 1)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(validation.limitOrder(5_399, 1)).isEqualTo(ResultCode.PRICE_BELOW_BAND);
    }

    @Test
    void quantityRunsFromOneTonneToJustBelowTheBlockTradeSize() {
        assertThat(validation.limitOrder(6_000, 1)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(validation.limitOrder(6_000, 0)).isEqualTo(ResultCode.QUANTITY_BELOW_MINIMUM);
        assertThat(validation.limitOrder(6_000, 99_999)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(validation.limitOrder(6_000, 100_000)).isEqualTo(ResultCode.QUANTITY_ABOVE_MAXIMUM);
        assertThat(validation.takeAtLevel(1, 100_000)).isEqualTo(ResultCode.QUANTITY_ABOVE_MAXIMUM);
    }

    @Test
    void aTakerChoosesAmongTheCounterpartysBestFiveLevels() {
        assertThat(validation.takeAtLevel(1, 10)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(validation.takeAtLevel(5, 10)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(validation.takeAtLevel(6, 10)).isEqualTo(ResultCode.LEVEL_OUT_OF_RANGE);
        assertThat(validation.takeAtLevel(0, 10)).isEqualTo(ResultCode.LEVEL_OUT_OF_RANGE);
    }

    @Test
    void pricesAndQuantitiesKeepToTheirSteps() {
        // The national tick and step are 1 fen and 1 t, so a coarser pack shows the checks at work.
        ListingRules coarse = new ListingRules(5, 10, 10, 99_990, 1_000, 5, Map.of());
        OrderValidation lots = new OrderValidation(coarse, 6_000);
        assertThat(lots.limitOrder(6_005, 20)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(lots.limitOrder(6_003, 20)).isEqualTo(ResultCode.PRICE_NOT_ON_TICK);
        assertThat(lots.limitOrder(6_005, 25)).isEqualTo(ResultCode.QUANTITY_NOT_ON_STEP);
        assertThat(validation.limitOrder(6_001, 7)).isEqualTo(ResultCode.ACCEPTED);
    }

    @Property
    void aPriceIsAcceptedExactlyWhenItLiesInTheBand(@ForAll @LongRange(min = -10, max = 20_000) long price) {
        boolean inBand = price >= 5_400 && price <= 6_600;
        assertThat(validation.limitOrder(price, 10).accepted()).isEqualTo(inBand);
    }
}
