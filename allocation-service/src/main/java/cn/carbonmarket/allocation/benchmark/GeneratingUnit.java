package cn.carbonmarket.allocation.benchmark;

import java.util.Objects;

/**
 * A generating unit as the allocation sees it: its category, cooling method and whether it is built to supply heat
 * as well (combined heat and power, or pure condensing) decide its benchmark and correction factors.
 */
public record GeneratingUnit(String unitId, UnitCategory category, long capacityMw, Cooling cooling,
                             boolean combinedHeatAndPower) {

    public GeneratingUnit {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(cooling, "cooling");
        if (capacityMw <= 0) {
            throw new IllegalArgumentException("a unit's capacity is positive, got " + capacityMw + " MW");
        }
    }
}
