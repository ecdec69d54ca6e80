package cn.carbonmarket.contracts.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.InvalidValueException;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyAndUnitsTest {

    @Test
    void parsesYuanIntoFen() {
        assertThat(Money.parseYuan("58.03").fen()).isEqualTo(5803);
        assertThat(Money.parseYuan("100").fen()).isEqualTo(10000);
        assertThat(Money.parseYuan("0.1").fen()).isEqualTo(10);
        assertThat(Money.ofFen(5803).yuan()).isEqualByComparingTo(new BigDecimal("58.03"));
    }

    @Test
    void rejectsFractionsOfAFen() {
        assertThatThrownBy(() -> Money.parseYuan("58.031")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("finer than one fen");
        assertThatThrownBy(() -> Money.parseYuan("abc")).hasMessageContaining("not a yuan amount");
    }

    @Test
    void overflowIsAnErrorNotAWrap() {
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Units.of(Long.MAX_VALUE).plus(Units.of(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void unitsAreNeverNegative() {
        assertThatThrownBy(() -> Units.of(-1)).isInstanceOf(InvalidValueException.class)
                .hasMessage("units must not be negative, got -1");
        assertThatThrownBy(() -> Units.of(5).minus(Units.of(6))).isInstanceOf(InvalidValueException.class);
    }

    @Property
    void moneyArithmeticIsExact(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
                                @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        Money x = Money.ofFen(a);
        Money y = Money.ofFen(b);
        assertThat(x.plus(y).minus(y)).isEqualTo(x);
        assertThat(x.plus(x.negate())).isEqualTo(Money.ZERO);
        assertThat(Money.parseYuan(x.yuan().toPlainString())).isEqualTo(x);
    }

    @Property
    void unitsAddAndSubtractBack(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long a,
                                 @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long b) {
        assertThat(Units.of(a).plus(Units.of(b)).minus(Units.of(b))).isEqualTo(Units.of(a));
    }
}
