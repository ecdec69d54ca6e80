package cn.carbonmarket.contracts.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.Region;
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
                .hasMessageStartingWith("instrument 'CEA-20x5' is not PRODUCT-YYYY (for example CEA-2025)")
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

    @Test
    void anOffsetNamesItsProjectsProvinceAndType() {
        InstrumentCode code = InstrumentCode.parse("CCER-2025-HB-WIND");
        assertThat(code.origin()).isEqualTo(new OffsetOrigin(Region.HB, ProjectType.WIND));
        assertThat(code).hasToString("CCER-2025-HB-WIND").isNotEqualTo(InstrumentCode.parse("CCER-2025"));
        assertThat(InstrumentCode.parse("PHCER-2025-GD-LOW_CARBON_ACTION").product().jurisdiction())
                .isEqualTo(Jurisdiction.GD);
        assertThat(InstrumentCode.parse("CCER-2018").originIfRecorded()).isEmpty();
    }

    @Test
    void anAllowanceHasNoOrigin() {
        assertThatThrownBy(() -> InstrumentCode.parse("CEA-2025-HB-WIND"))
                .hasMessage("CEA is an allowance; only offsets name an origin");
        assertThatThrownBy(() -> InstrumentCode.parse("CCER-2025-XX-WIND")).hasMessageContaining("unknown region 'XX'");
        assertThatThrownBy(() -> InstrumentCode.parse("CCER-2025-HB-TIDAL"))
                .hasMessageContaining("unknown project type 'TIDAL'");
    }

    @Test
    void eachJurisdictionHasOneAllowance() {
        for (Jurisdiction j : Jurisdiction.values()) {
            assertThat(Product.allowanceOf(j).jurisdiction()).isEqualTo(j);
            assertThat(Product.allowanceOf(j).isOffset()).isFalse();
        }
        assertThat(Product.BCER.isOffset()).isTrue();
    }

    @Property
    void anOffsetsOriginRoundTripsThroughText(@ForAll Region province, @ForAll ProjectType type,
                                              @ForAll @IntRange(min = 2013, max = 2100) int vintage) {
        for (Product offset : new Product[] {Product.CCER, Product.BCER, Product.PHCER}) {
            InstrumentCode code = new InstrumentCode(offset, vintage, new OffsetOrigin(province, type));
            assertThat(InstrumentCode.parse(code.toString())).isEqualTo(code);
        }
    }

    @Property
    void roundTripsThroughText(@ForAll Product product, @ForAll @IntRange(min = 2013, max = 2100) int vintage) {
        InstrumentCode code = new InstrumentCode(product, vintage);
        assertThat(InstrumentCode.parse(code.toString())).isEqualTo(code);
    }
}
