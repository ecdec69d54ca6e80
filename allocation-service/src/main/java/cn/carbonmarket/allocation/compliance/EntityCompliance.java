package cn.carbonmarket.allocation.compliance;

import java.util.List;

/** One entity's standing for a period with the units its obligation was summed from and any penalty decided. */
public record EntityCompliance(String periodId, Standing standing, List<ObligationMethod.UnitObligation> units,
                               PenaltyView penalty) {
}
