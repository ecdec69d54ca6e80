package cn.carbonmarket.allocation.auction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * An auction's reserve price with its evidence: max(floor, ceil(share x the mean of the last N daily closes of the
 * auction's instrument)) in whole fen; with no close at all, the floor alone.
 */
public record ReservePrice(long priceFen, long floorFen, BigDecimal marketShare, int tradingDays, int closesUsed,
                           long closesSumFen) {

    /** {@code closes} are daily closes in fen, oldest first; only the last {@code tradingDays} of them count. */
    static ReservePrice of(AuctionRule.ReservePriceRule rule, List<Long> closes) {
        long floor = rule.floorFen().value().longValueExact();
        BigDecimal share = rule.marketShare().value();
        List<Long> counted = closes.subList(Math.max(0, closes.size() - rule.days()), closes.size());
        long sum = counted.stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        long market = counted.isEmpty() ? 0 : share.multiply(BigDecimal.valueOf(sum))
                .divide(BigDecimal.valueOf(counted.size()), 0, RoundingMode.CEILING).longValueExact();
        return new ReservePrice(Math.max(floor, market), floor, share, rule.days(), counted.size(), sum);
    }

    /** The mean of the closes used, to the hundredth of a fen; null when there was none. */
    public BigDecimal averageCloseFen() {
        return closesUsed == 0 ? null
                : BigDecimal.valueOf(closesSumFen).divide(BigDecimal.valueOf(closesUsed), 2, RoundingMode.HALF_UP);
    }
}
