package cn.carbonmarket.allocation.report;

/** The fuels a power unit reports, each with its defaults in the reporting rule pack. */
public enum FuelType {
    BITUMINOUS_COAL, ANTHRACITE, LIGNITE, NATURAL_GAS, FUEL_OIL
}
