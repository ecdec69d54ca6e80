package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.PartyId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A provincial authority confirmed an entity's emission report for a year: its verified emissions (whole tonnes of
 * CO2) and, per generating unit, the verified production the allocation true-up computes on. A correction is a new
 * version of the same report, confirmed again; the highest version is the one that counts. Keyed by party id on
 * {@code allocation.verified-emissions}.
 */
public record VerifiedEmissions(String reportId, int version, String periodId, PartyId partyId, int year,
                                long emissionsTonnes, List<UnitProduction> units, Instant confirmedAt) {

    public static final EventType<VerifiedEmissions> TYPE = new EventType<>("VerifiedEmissions", 1,
            VerifiedEmissions.class, Topics.ALLOCATION_VERIFIED_EMISSIONS);

    /** A unit's verified year: its emissions, electricity and heat supplied, load factor and heat-supply ratio. */
    public record UnitProduction(String unitId, long emissionsTonnes, long electricitySuppliedMwh,
                                 long heatSuppliedGj, BigDecimal loadFactor, BigDecimal heatSupplyRatio) {
    }

    public VerifiedEmissions {
        units = List.copyOf(units);
    }
}
