package cn.carbonmarket.trading.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.Jurisdiction;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TradingRulePackTest {

    private final TradingRulePack pack = TradingRulePack.load(new ObjectMapper());

    @Test
    void theNationalListingRulesAreThePublishedOnesEachWithItsSource() {
        ListingRules national = pack.listing(Jurisdiction.CN).orElseThrow();

        assertThat(national.tick()).isEqualTo(1);
        assertThat(national.quantityStep()).isEqualTo(1);
        assertThat(national.minQuantity()).isEqualTo(1);
        assertThat(national.maxQuantity()).isEqualTo(99_999);
        assertThat(national.dailyBandBasisPoints()).isEqualTo(1_000);
        assertThat(national.counterpartyLevels()).isEqualTo(5);
        assertThat(national.sources()).containsOnlyKeys("tickFen", "quantityStepTonnes", "minQuantityTonnes",
                "maxQuantityTonnes", "dailyBandBasisPoints", "counterpartyLevels");
        assertThat(national.sources().get("dailyBandBasisPoints")).contains("10%");
    }

    @Test
    void pilotAllowancesDoNotTradeOnTheNationalExchange() {
        assertThat(pack.listing(Jurisdiction.HB)).isEmpty();
    }
}
