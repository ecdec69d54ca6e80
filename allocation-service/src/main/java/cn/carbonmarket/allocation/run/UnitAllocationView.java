package cn.carbonmarket.allocation.run;

/** A unit's line for one data year in a run: the figures it was computed on, its corrections and its tonnes. */
public record UnitAllocationView(String unitId, int dataYear, String category, long electricitySuppliedMwh,
                                 long heatSuppliedGj, String loadFactor, String heatSupplyRatio,
                                 String coolingFactor, String heatSupplyFactor, String loadFactorFactor,
                                 long tonnes) {
}
