package cn.carbonmarket.trading.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.rules.TradingRulePack;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MarketDaysTest {

    private final MarketDays days = new MarketDays(TradingRulePack.load(new ObjectMapper()));

    @Test
    void guangdongsDayRollsOverAtItsOwnCloseHalfAnHourAfterTheNationalOne() {
        Instant afterNationalClose = Instant.parse("2026-11-25T07:10:00Z"); // Wednesday 15:10 in Shanghai
        Instant afterGuangdongClose = Instant.parse("2026-11-25T07:30:00Z");
        LocalDate wednesday = LocalDate.parse("2026-11-25");
        LocalDate thursday = LocalDate.parse("2026-11-26");

        assertThat(days.of(InstrumentCode.parse("CEA-2025"), afterNationalClose)).isEqualTo(thursday);
        assertThat(days.of(InstrumentCode.parse("HBEA-2025"), afterNationalClose)).isEqualTo(thursday);
        assertThat(days.of(InstrumentCode.parse("GDEA-2025"), afterNationalClose)).isEqualTo(wednesday);
        assertThat(days.of(Jurisdiction.GD).of(afterGuangdongClose)).isEqualTo(thursday);
    }
}
