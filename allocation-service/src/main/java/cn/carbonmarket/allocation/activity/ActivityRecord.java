package cn.carbonmarket.allocation.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A unit's recorded activity in one year, as the API shows it. */
public record ActivityRecord(String unitId, String partyId, int year, long electricitySuppliedMwh,
                             long heatSuppliedGj, BigDecimal loadFactor, BigDecimal heatSupplyRatio,
                             boolean verified, UUID uploadId, String recordedBy, Instant recordedAt,
                             Instant updatedAt) {

    ActivityFigures figures() {
        return new ActivityFigures(electricitySuppliedMwh, heatSuppliedGj, loadFactor, heatSupplyRatio);
    }
}
