package cn.carbonmarket.allocation.report;

import cn.carbonmarket.allocation.rules.Figure;
import java.util.EnumMap;
import java.util.Map;

/**
 * How emissions are accounted for the periods of one benchmark pack: each fuel's defaults, whether purchased
 * electricity counts (times the grid factor, tCO2/MWh), and the year-on-year change of a unit's intensity beyond
 * which it is flagged.
 */
public record ReportingRules(String pack, Map<FuelType, FuelRules> fuels, boolean indirectCounted,
                             String indirectSource, boolean indirectConfirmed, Figure gridFactor,
                             Figure intensityChangeThreshold) {

    public ReportingRules {
        for (FuelType fuel : FuelType.values()) {
            if (!fuels.containsKey(fuel)) {
                throw new IllegalStateException(pack + ": the reporting rules have no defaults for " + fuel);
            }
        }
        fuels = new EnumMap<>(fuels);
        if (indirectSource == null || indirectSource.isBlank()) {
            throw new IllegalStateException(pack + ": whether indirect emissions count names no source");
        }
    }

    FuelRules of(FuelType fuel) {
        return fuels.get(fuel);
    }
}
