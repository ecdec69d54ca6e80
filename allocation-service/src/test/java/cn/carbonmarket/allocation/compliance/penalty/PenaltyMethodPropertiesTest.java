package cn.carbonmarket.allocation.compliance.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.allocation.compliance.ComplianceRules;
import cn.carbonmarket.allocation.rules.Bounds;
import cn.carbonmarket.allocation.rules.Figure;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Every pack's penalty method: never negative, never less for a larger shortfall, never above its cap; the tonnes
 * deducted likewise; a price multiple is the shortfall x factor x average, and the window ends on the deadline.
 */
class PenaltyMethodPropertiesTest {

    private static final ComplianceRules RULES = ComplianceRules.load(new ObjectMapper());
    private static final List<String> PACKS = List.of("CN-2019-2020", "CN-2021", "CN-2022", "BJ-2024", "TJ-2024",
            "SH-2024", "CQ-2024", "HB-2024", "GD-2024", "SZ-2024", "BJ-2025", "SZ-2025");

    @Provide
    Arbitrary<PenaltyMethod> methods() {
        return Arbitraries.of(PACKS).map(pack -> RULES.of(pack).orElseThrow().penalty());
    }

    /** The fine of a method for a shortfall: the factor or fine at the top of its range, priced at {@code price}. */
    private static long fine(PenaltyMethod method, long shortfall, long price) {
        if (method instanceof PriceMultiple multiple) {
            return multiple.amountFen(shortfall, multiple.factor().max(), price);
        }
        return ((FixedFine) method).fineFen().max().longValueExact();
    }

    @Property
    void aPenaltyIsNeverNegativeAndNeverLessForALargerShortfall(@ForAll("methods") PenaltyMethod method,
            @ForAll @LongRange(min = 1, max = 100_000_000) long shortfall,
            @ForAll @LongRange(min = 0, max = 100_000_000) long more,
            @ForAll @LongRange(min = 1, max = 100_000) long priceFen) {
        long fine = fine(method, shortfall, priceFen);
        assertThat(fine).isNotNegative();
        assertThat(fine(method, shortfall + more, priceFen)).isGreaterThanOrEqualTo(fine);
        assertThat(method.deductedTonnes(shortfall)).isNotNegative()
                .isLessThanOrEqualTo(method.deductedTonnes(shortfall + more));
        if (method instanceof PriceMultiple multiple) {
            multiple.cap().ifPresent(cap -> assertThat(fine).isLessThanOrEqualTo(cap));
        }
    }

    @Property
    void anUncappedMultipleIsShortfallTimesFactorTimesTheAverageHalfUp(
            @ForAll @LongRange(min = 1, max = 10_000_000) long shortfall,
            @ForAll @IntRange(min = 1, max = 10) int factor,
            @ForAll @Size(min = 1, max = 130) List<@LongRange(min = 1, max = 50_000) Long> closes) {
        PriceMultiple method = new PriceMultiple(new Bounds(BigDecimal.ONE, BigDecimal.TEN, "test", false),
                new Figure(BigDecimal.valueOf(6), "test", false), null, new Figure(BigDecimal.ONE, "test", false));
        long average = PriceMultiple.averageFen(closes);
        long sum = closes.stream().mapToLong(Long::longValue).sum();
        // half up: |average x n - sum| <= n / 2
        assertThat(Math.abs(average * closes.size() - sum) * 2).isLessThanOrEqualTo(closes.size());
        assertThat(method.amountFen(shortfall, BigDecimal.valueOf(factor), average))
                .isEqualTo(shortfall * factor * average);
    }

    @Property
    void thePricesAreThoseOfTheMonthsEndingOnTheDeadline(@ForAll @IntRange(min = 1, max = 12) int months,
                                                         @ForAll @IntRange(min = 0, max = 3_650) int day) {
        LocalDate deadline = LocalDate.of(2020, 1, 1).plusDays(day);
        PriceMultiple method = new PriceMultiple(new Bounds(BigDecimal.ONE, BigDecimal.ONE, "test", false),
                new Figure(BigDecimal.valueOf(months), "test", false), null, new Figure(BigDecimal.ZERO, "test",
                false));
        LocalDate from = method.pricesFrom(deadline);
        assertThat(from.minusDays(1)).isEqualTo(deadline.minusMonths(months));
        assertThat(ChronoUnit.DAYS.between(from, deadline) + 1).isBetween(28L * months - 3, 31L * months);
    }
}
