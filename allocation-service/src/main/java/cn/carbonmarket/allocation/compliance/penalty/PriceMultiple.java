package cn.carbonmarket.allocation.compliance.penalty;

import cn.carbonmarket.allocation.rules.Bounds;
import cn.carbonmarket.allocation.rules.Figure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The shortfall x a factor the authority chooses within the pack's range (fixed where min = max) x the average of
 * the daily closes of the {@code priceMonths} months that end on the full surrender deadline, half up to the fen; at
 * most {@code capFen} where the pack caps the fine (null: no cap).
 */
public record PriceMultiple(Bounds factor, Figure priceMonths, Figure capFen, Figure deductionMultiple)
        implements PenaltyMethod {

    public static final String METHOD = "PRICE_MULTIPLE";

    public PriceMultiple {
        if (priceMonths.value().signum() <= 0) {
            throw new IllegalStateException("a penalty averages the prices of at least one month");
        }
    }

    @Override
    public String method() {
        return METHOD;
    }

    /**
     * The first day of the months the price is averaged over, which end on the deadline: the day after the same date
     * that many months before (as the national market has always counted its month; 30 June and six months: from
     * 31 December).
     */
    public LocalDate pricesFrom(LocalDate deadline) {
        return deadline.minusMonths(priceMonths.value().intValueExact()).plusDays(1);
    }

    public Optional<Long> cap() {
        return Optional.ofNullable(capFen).map(cap -> cap.value().longValueExact());
    }

    /** The mean of the daily closes, half up to the fen. */
    public static long averageFen(List<Long> dailyClosesFen) {
        long sum = dailyClosesFen.stream().mapToLong(Long::longValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(dailyClosesFen.size()), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Shortfall x factor x price, half up to the fen, before any cap. */
    public static long uncappedFen(long shortfallTonnes, BigDecimal chosenFactor, long priceFen) {
        return chosenFactor.multiply(BigDecimal.valueOf(shortfallTonnes)).multiply(BigDecimal.valueOf(priceFen))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The fine: the uncapped amount, at most the cap. */
    public long amountFen(long shortfallTonnes, BigDecimal chosenFactor, long priceFen) {
        long uncapped = uncappedFen(shortfallTonnes, chosenFactor, priceFen);
        return cap().map(cap -> Math.min(cap, uncapped)).orElse(uncapped);
    }
}
