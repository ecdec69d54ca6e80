package cn.carbonmarket.allocation.compliance.penalty;

import cn.carbonmarket.allocation.rules.Bounds;
import cn.carbonmarket.allocation.rules.Figure;

/** A fine in fen the authority chooses within the pack's range (fixed where min = max), whatever the shortfall. */
public record FixedFine(Bounds fineFen, Figure deductionMultiple) implements PenaltyMethod {

    public static final String METHOD = "FIXED_FINE";

    public FixedFine {
        if (fineFen.min().stripTrailingZeros().scale() > 0 || fineFen.max().stripTrailingZeros().scale() > 0) {
            throw new IllegalStateException("a fine is whole fen, not " + fineFen);
        }
    }

    @Override
    public String method() {
        return METHOD;
    }
}
