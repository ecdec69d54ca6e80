package cn.carbonmarket.allocation.run;

import cn.carbonmarket.allocation.benchmark.GeneratingUnit;
import cn.carbonmarket.allocation.benchmark.ProductionData;
import cn.carbonmarket.contracts.party.Region;
import java.util.UUID;

/**
 * One unit's figures for one year as a run computes on them; {@code data} is null where the unit has no usable
 * activity data for that year (none, or not verified where the run needs verified data).
 */
public record RunInput(UUID partyId, Region region, GeneratingUnit unit, int year, ProductionData data) {
}
