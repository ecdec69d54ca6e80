package cn.carbonmarket.allocation.compliance.penalty;

import cn.carbonmarket.allocation.rules.Figure;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a pack penalises a shortfall after the full surrender deadline, one of a closed set: a multiple of the average
 * market price per tonne missing ({@link PriceMultiple}: the national market, Shenzhen, Hubei ...) or a fine in fen
 * whatever the shortfall ({@link FixedFine}: Shanghai, Guangdong). Each also takes a multiple of the shortfall off
 * the entity's next allocation (none, the shortfall, or twice it).
 */
public sealed interface PenaltyMethod permits PriceMultiple, FixedFine {

    /** The name a pack writes the method by, and a decision is stored with. */
    String method();

    /** How many times the shortfall is deducted from the next period's allocation. */
    Figure deductionMultiple();

    /** The tonnes deducted from the next allocation for a shortfall: the multiple of it, rounded down. */
    default long deductedTonnes(long shortfallTonnes) {
        return deductionMultiple().value().multiply(BigDecimal.valueOf(shortfallTonnes))
                .setScale(0, RoundingMode.FLOOR).longValueExact();
    }
}
