package cn.carbonmarket.allocation.activity;

import java.math.BigDecimal;

/**
 * A unit's activity in one year as recorded: electricity supplied (MWh) and heat supplied (GJ) as metered, its load
 * factor and heat-supply ratio as shares from 0 to 1 with at most four decimal places.
 */
public record ActivityFigures(long electricitySuppliedMwh, long heatSuppliedGj, BigDecimal loadFactor,
                              BigDecimal heatSupplyRatio) {

    /** The most decimal places a share keeps (the column is numeric(5,4)). */
    static final int SHARE_SCALE = 4;

    /** The same figures, whatever the trailing zeros of a share (0.85 is 0.8500). */
    boolean sameAs(ActivityFigures other) {
        return electricitySuppliedMwh == other.electricitySuppliedMwh && heatSuppliedGj == other.heatSuppliedGj
                && loadFactor.compareTo(other.loadFactor) == 0 && heatSupplyRatio.compareTo(other.heatSupplyRatio) == 0;
    }
}
