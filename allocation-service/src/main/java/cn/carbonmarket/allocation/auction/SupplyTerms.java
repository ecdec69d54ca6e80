package cn.carbonmarket.allocation.auction;

import cn.carbonmarket.allocation.reserve.ReserveRule;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What an auction offers, decided at its preparation: the volume V (whole lots), the cost containment release R
 * (the pack's share of V in whole lots, never more than the whole lots the stability reserve has available of the
 * instrument) offered at and above the trigger price, the floor withholding W (the pack's share of V in whole lots)
 * kept back below the floor price, and each bidder's cap (the cap share of V in whole lots, at least one lot).
 * A containment design the pack switches off has no price and no tonnes.
 */
public record SupplyTerms(long volumeTonnes, long releaseTonnes, Long triggerFen, long withholdTonnes, Long floorFen,
                          long bidderCapTonnes) {

    static SupplyTerms of(long volumeTonnes, long lotTonnes, BigDecimal bidderCapShare, ReserveRule reserve, int year,
                          long reserveAvailableTonnes) {
        ReserveRule.Containment ccr = reserve.costContainment();
        ReserveRule.Containment ecr = reserve.emissionsContainment();
        long release = !ccr.on() ? 0 : Math.min(lots(ccr.share().value(), volumeTonnes, lotTonnes),
                Math.max(0, reserveAvailableTonnes) / lotTonnes) * lotTonnes;
        long withhold = !ecr.on() ? 0 : lots(ecr.share().value(), volumeTonnes, lotTonnes) * lotTonnes;
        long cap = Math.max(1, lots(bidderCapShare, volumeTonnes, lotTonnes)) * lotTonnes;
        return new SupplyTerms(volumeTonnes, release, ccr.on() ? ccr.price().atYear(year) : null, withhold,
                ecr.on() ? ecr.price().atYear(year) : null, cap);
    }

    /** The whole lots in {@code share} of {@code tonnes}, rounded down. */
    private static long lots(BigDecimal share, long tonnes, long lotTonnes) {
        return share.multiply(BigDecimal.valueOf(tonnes)).divide(BigDecimal.valueOf(lotTonnes), 0, RoundingMode.DOWN)
                .longValueExact();
    }

    public long offeredTonnes() {
        return Math.addExact(volumeTonnes, releaseTonnes);
    }
}
