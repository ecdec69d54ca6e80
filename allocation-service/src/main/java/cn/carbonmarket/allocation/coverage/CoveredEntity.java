package cn.carbonmarket.allocation.coverage;

import cn.carbonmarket.contracts.event.PartyRegistered;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A key emitting unit the national market covers: it receives free allocation and must surrender. */
@Entity
@Table(name = "covered_entity")
public class CoveredEntity extends PanacheEntityBase {

    @Id
    @Column(name = "party_id")
    public UUID partyId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Region region;

    @Column(name = "covered_at", nullable = false)
    public Instant coveredAt;

    /** Covers a newly registered compliance entity; investors are not covered, and a covered entity stays so. */
    static Uni<?> coverIfEntity(PartyRegistered party, Instant now) {
        if (party.type() != PartyType.COMPLIANCE_ENTITY) {
            return Uni.createFrom().voidItem();
        }
        return CoveredEntity.<CoveredEntity>findById(party.partyId().value()).onItem().ifNull().switchTo(() -> {
            CoveredEntity entity = new CoveredEntity();
            entity.partyId = party.partyId().value();
            entity.name = party.name();
            entity.region = party.region();
            entity.coveredAt = now;
            return entity.persist();
        });
    }
}
