package cn.carbonmarket.allocation.run;

import cn.carbonmarket.allocation.benchmark.UnitAllocation;
import cn.carbonmarket.contracts.party.Region;
import java.util.List;
import java.util.UUID;

/** A run as computed: every unit-year's allocation, every entity's, and the hash of the inputs it came from. */
public record ComputedRun(List<UnitRow> units, List<EntityRow> entities, String inputsHash) {

    public record UnitRow(RunInput input, UnitAllocation allocation) {
    }

    /**
     * An entity's figures: the sum of its units' tonnes, what was deducted for a shortfall it left in the previous
     * period, the allocation that makes, what approved runs allocated before, and the difference approval issues
     * (positive) or claws back (negative).
     */
    public record EntityRow(UUID partyId, Region region, int units, long computedTonnes, long deductedTonnes,
                            long allocatedTonnes, long previousTonnes) {

        public long deltaTonnes() {
            return Math.subtractExact(allocatedTonnes, previousTonnes);
        }
    }

    public long totalTonnes() {
        return entities.stream().mapToLong(EntityRow::allocatedTonnes).reduce(0, Math::addExact);
    }

    public long unitCount() {
        return units.stream().map(row -> row.input().unit().unitId()).distinct().count();
    }
}
