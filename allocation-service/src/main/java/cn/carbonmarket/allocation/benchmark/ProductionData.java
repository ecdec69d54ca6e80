package cn.carbonmarket.allocation.benchmark;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A unit's production in one year: electricity supplied (MWh) and heat supplied (GJ), whole numbers as metered; its
 * load factor and heat-supply ratio as shares from 0 to 1.
 */
public record ProductionData(long electricitySuppliedMwh, long heatSuppliedGj, BigDecimal loadFactor,
                             BigDecimal heatSupplyRatio) {

    public ProductionData {
        if (electricitySuppliedMwh < 0 || heatSuppliedGj < 0) {
            throw new IllegalArgumentException("supplied electricity and heat are not negative");
        }
        share("loadFactor", loadFactor);
        share("heatSupplyRatio", heatSupplyRatio);
    }

    private static void share(String name, BigDecimal value) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " is a share from 0 to 1, got " + value);
        }
    }
}
