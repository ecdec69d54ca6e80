package cn.carbonmarket.allocation.coverage;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The covered entities as a caller may reach them: the regulator any, a provincial authority its region's. */
@ApplicationScoped
public class CoveredEntities {

    /** The covered entity, within the caller's region; run inside the caller's session or transaction. */
    public Uni<CoveredEntity> of(PartyId party, Caller caller) {
        return CoveredEntity.<CoveredEntity>findById(party.value())
                .onItem().ifNull().failWith(() -> new NotFoundException("NOT_COVERED",
                        "party " + party + " is not a covered entity"))
                .invoke(entity -> caller.requireRegionOf(party, entity.region,
                        "a provincial authority sees only its region's entities and their units"));
    }
}
