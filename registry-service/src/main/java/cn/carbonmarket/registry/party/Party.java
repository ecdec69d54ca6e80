package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "party")
public class Party extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartyType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Region region;

    /** The credit code or resident id; only the registry keeps it. */
    @Column(name = "identity_code", nullable = false, unique = true)
    public String identityCode;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    /** A new party as a registration describes it; {@link PartyAdmissions} writes it. */
    static Party of(PartyRegistration registration, Instant registeredAt, String registeredBy) {
        Party party = new Party();
        party.id = registration.partyId().value();
        party.name = registration.name();
        party.type = registration.type();
        party.region = registration.region();
        party.identityCode = registration.identity().code();
        party.registeredAt = registeredAt;
        party.registeredBy = registeredBy;
        return party;
    }

    /** Whether a repeated registration describes this same party (then it is a harmless replay). */
    boolean sameAs(PartyRegistration registration) {
        return name.equals(registration.name()) && type == registration.type()
                && region == registration.region() && identityCode.equals(registration.identity().code());
    }
}
