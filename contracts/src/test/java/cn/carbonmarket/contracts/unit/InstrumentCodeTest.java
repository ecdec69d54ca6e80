package cn.carbonmarket.contracts.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.Jurisdiction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InstrumentCodeTest {

    @Test
    void parsesNationalAllowance() {
        InstrumentCode code = InstrumentCode.parse("CEA-2025");
        assertThat(code.product()).isEqualTo(Product.CEA);
        assertThat(code.vintage()).isEqualTo(2025);
        assertThat(code.product().jurisdiction()).isEqualTo(Jurisdiction.CN);
        assertThat(code).hasToString("CEA-2025");
    }

    @Test
    void parsesPilotAllowanceWithItsJurisdiction() {
        assertThat(InstrumentCode.parse("HBEA-2019").product().jurisdiction()).isEqualTo(Jurisdiction.HB);
        assertThat(InstrumentCode.parse(" SZEA-2024 ").product()).isEqualTo(Product.SZEA);
    }

    @Test
    void rejectsMalformedVintageWithClearMessage() {
        assertThatThrownBy(() -> InstrumentCode.parse("CEA-20x5"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("instrument 'CEA-20x5' is not PRODUCT-YYYY (for example CEA-2025)")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("instrument");
    }

    @Test
    void rejectsUnknownProductNamingTheKnownOnes() {
        assertThatThrownBy(() -> InstrumentCode.parse("EUA-2025"))
                .hasMessageStartingWith("unknown product 'EUA'; known: CEA, CCER");
    }

    @Test
    void rejectsVintageOutsideTheMarketsLife() {
        assertThatThrownBy(() -> InstrumentCode.parse("CEA-1999")).hasMessageContaining("outside 2013..2100");
    }

    @Test
    void rejectsMissing() {
        assertThatThrownBy(() -> InstrumentCode.parse("  ")).hasMessage("instrument is required");
        assertThatThrownBy(() -> InstrumentCode.parse(null)).hasMessage("instrument is required");
    }

    @Property
    void roundTripsThroughText(@ForAll Product product, @ForAll @IntRange(min = 2013, max = 2100) int vintage) {
        InstrumentCode code = new InstrumentCode(product, vintage);
        assertThat(InstrumentCode.parse(code.toString())).isEqualTo(code);
    }
}
