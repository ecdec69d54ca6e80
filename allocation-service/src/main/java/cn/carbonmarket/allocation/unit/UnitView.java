package cn.carbonmarket.allocation.unit;

import java.time.Instant;
import java.time.LocalDate;

/** A registered generating unit as the API shows it; the fuel follows from the category. */
public record UnitView(String unitId, String partyId, String category, String fuel, long capacityMw, String cooling,
                       boolean combinedHeatAndPower, LocalDate commissionedOn, String registeredBy,
                       Instant registeredAt, Instant updatedAt) {

    static UnitView of(RegisteredUnit unit) {
        return new UnitView(unit.unitId, unit.partyId.toString(), unit.category.name(), unit.category.fuel().name(),
                unit.capacityMw, unit.cooling.name(), unit.combinedHeatAndPower, unit.commissionedOn,
                unit.registeredBy, unit.registeredAt, unit.updatedAt);
    }
}
