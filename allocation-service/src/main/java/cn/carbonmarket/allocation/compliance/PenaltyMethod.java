package cn.carbonmarket.allocation.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The penalty for a shortfall: the tonnes missing x the authority's factor x the average market price of the month
 * before the full surrender deadline, that is the mean of the daily closes of the days that month with trades, half
 * up to the fen, as is the amount.
 */
final class PenaltyMethod {

    private PenaltyMethod() {
    }

    /** The month that ends with the deadline: the day after the same date a month earlier through the deadline. */
    static LocalDate pricesFrom(LocalDate deadline) {
        return deadline.minusMonths(1).plusDays(1);
    }

    static long averageFen(List<Long> dailyClosesFen) {
        long sum = dailyClosesFen.stream().mapToLong(Long::longValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(dailyClosesFen.size()), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    static long amountFen(long shortfallTonnes, BigDecimal factor, long priceFen) {
        return factor.multiply(BigDecimal.valueOf(shortfallTonnes)).multiply(BigDecimal.valueOf(priceFen))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
