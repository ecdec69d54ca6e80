package cn.carbonmarket.allocation.unit;

import cn.carbonmarket.allocation.benchmark.Cooling;
import cn.carbonmarket.allocation.benchmark.UnitCategory;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A generating unit of a covered entity as registered here: the record its allocation is computed for. */
@Entity
@Table(name = "generating_unit")
public class RegisteredUnit extends PanacheEntityBase {

    @Id
    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "party_id", nullable = false)
    public UUID partyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitCategory category;

    @Column(name = "capacity_mw", nullable = false)
    public long capacityMw;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Cooling cooling;

    @Column(name = "combined_heat_and_power", nullable = false)
    public boolean combinedHeatAndPower;

    @Column(name = "commissioned_on", nullable = false)
    public LocalDate commissionedOn;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Uni<List<RegisteredUnit>> ofEntity(UUID partyId) {
        return list("partyId = ?1 order by unitId", partyId);
    }

    boolean sameAs(UnitRegistration registration) {
        return category == registration.category() && capacityMw == registration.capacityMw()
                && cooling == registration.cooling() && combinedHeatAndPower == registration.combinedHeatAndPower()
                && commissionedOn.equals(registration.commissionedOn());
    }

    void take(UnitRegistration registration) {
        category = registration.category();
        capacityMw = registration.capacityMw();
        cooling = registration.cooling();
        combinedHeatAndPower = registration.combinedHeatAndPower();
        commissionedOn = registration.commissionedOn();
    }
}
