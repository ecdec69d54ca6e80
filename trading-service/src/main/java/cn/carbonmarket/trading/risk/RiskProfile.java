package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.event.PartyRegistered;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.problem.NotFoundException;
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

/** A party as the exchange's pre-trade risk sees it. */
@Entity
@Table(name = "risk_profile")
public class RiskProfile extends PanacheEntityBase {

    public enum Status { ACTIVE, SUSPENDED }

    @Id
    @Column(name = "party_id")
    public UUID partyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "party_type", nullable = false)
    public PartyType partyType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Region region;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    /** The party's profile; 404 if the registry has not (yet) admitted the party. */
    static Uni<RiskProfile> of(PartyId party) {
        return RiskProfile.<RiskProfile>findById(party.value())
                .onItem().ifNull().failWith(() -> new NotFoundException("RISK_PROFILE_NOT_FOUND",
                        "no risk profile for party " + party));
    }

    /** Opens the profile of a newly registered party; a party that already has one keeps it. */
    static Uni<RiskProfile> openFor(PartyRegistered party, Instant now) {
        return RiskProfile.<RiskProfile>findById(party.partyId().value()).onItem().ifNull().switchTo(() -> {
            RiskProfile profile = new RiskProfile();
            profile.partyId = party.partyId().value();
            profile.partyType = party.type();
            profile.region = party.region();
            profile.status = Status.ACTIVE;
            profile.openedAt = now;
            return profile.persist();
        });
    }
}
