package cn.carbonmarket.allocation.benchmark;

import java.math.BigDecimal;

/**
 * A unit's free allocation for a year and how it came about: the exact electricity and heat parts (tonnes, before
 * rounding), the correction factors applied to the electricity part, and the whole tonnes allocated.
 */
public record UnitAllocation(String unitId, String period, BigDecimal electricityPart, BigDecimal heatPart,
                             BigDecimal coolingFactor, BigDecimal heatSupplyFactor, BigDecimal loadFactorFactor,
                             long tonnes) {
}
