package cn.carbonmarket.allocation.report;

import cn.carbonmarket.allocation.rules.Figure;

/**
 * A fuel's defaults in a reporting rule pack: the unit its consumption is reported in (t, or 10^4 Nm3 for gas), its
 * net calorific value (GJ per unit), carbon content (tC/GJ) and oxidation rate, and the range a measured carbon
 * content is plausible within.
 */
public record FuelRules(String unit, Figure netCalorificValue, Figure carbonContent, Figure oxidationRate,
                        Figure plausibleMin, Figure plausibleMax) {
}
