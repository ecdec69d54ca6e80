package cn.carbonmarket.allocation.run;

/**
 * An entity's line in a run: its units, the tonnes they compute to, what was deducted for a shortfall left in the
 * previous period, the allocation that makes, what approved runs
 * of the period allocated before, the difference approval issues (positive) or claws back (negative), and its
 * allocation in the period's run approved last before this one (null if none, or it was not in it).
 */
public record EntityAllocationView(String partyId, String name, String region, int units, long computedTonnes,
                                   long deductedTonnes, long allocatedTonnes, long previousTonnes, long deltaTonnes,
                                   Long lastApprovedTonnes) {
}
