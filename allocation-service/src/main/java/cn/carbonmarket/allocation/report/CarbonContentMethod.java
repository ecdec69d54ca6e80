package cn.carbonmarket.allocation.report;

/**
 * How a fuel's carbon content per unit of calorific value was found: measured by a laboratory (the report names the
 * lab report and the sample), or not measured, when the rule pack's default applies: set above measured values on
 * purpose, so that not measuring never pays.
 */
public enum CarbonContentMethod {
    MEASURED, DEFAULT
}
