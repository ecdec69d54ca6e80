package cn.carbonmarket.allocation.unit;

import cn.carbonmarket.allocation.coverage.CoveredEntities;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.UniqueViolation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The register of generating units: a unit belongs to one covered entity for good, is registered by that entity's
 * provincial authority or the regulator, and registering the same unit again with the same figures changes nothing.
 */
@ApplicationScoped
public class UnitRegister {

    private final CoveredEntities entities;
    private final Clock clock;

    public UnitRegister(CoveredEntities entities, Clock clock) {
        this.entities = entities;
        this.clock = clock;
    }

    /** The unit as registered now, and whether this call created it. */
    public record Registered(RegisteredUnit unit, boolean created) {
    }

    public Uni<Registered> register(String unitId, PartyId party, UnitRegistration registration, Caller caller) {
        // Two first registrations of one unit at once: the loser's insert fails on the key, and its retry finds the
        // winner's row.
        return Panache.withTransaction(() -> entities.of(party, caller)
                        .chain(() -> RegisteredUnit.<RegisteredUnit>findById(unitId, LockModeType.PESSIMISTIC_WRITE))
                        .chain(existing -> existing == null ? create(unitId, party, registration, caller)
                                : update(existing, party, registration)))
                .onFailure(UniqueViolation::test).retry().atMost(1);
    }

    public Uni<RegisteredUnit> unit(String unitId, Caller caller) {
        return Panache.withSession(() -> RegisteredUnit.<RegisteredUnit>findById(unitId)
                .onItem().ifNull().failWith(() -> new NotFoundException("UNIT_NOT_FOUND",
                        "no generating unit " + unitId + " is registered"))
                .call(unit -> {
                    PartyId party = new PartyId(unit.partyId);
                    caller.requireSelfOr(party, Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY);
                    return entities.of(party, caller);
                }));
    }

    public Uni<List<RegisteredUnit>> unitsOf(PartyId party, Caller caller) {
        return Panache.withSession(() -> entities.of(party, caller)
                .chain(() -> RegisteredUnit.ofEntity(party.value())));
    }

    private Uni<Registered> create(String unitId, PartyId party, UnitRegistration registration, Caller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RegisteredUnit unit = new RegisteredUnit();
        unit.unitId = unitId;
        unit.partyId = party.value();
        unit.take(registration);
        unit.registeredBy = caller.name();
        unit.registeredAt = now;
        unit.updatedAt = now;
        return unit.persistAndFlush().replaceWith(new Registered(unit, true));
    }

    private Uni<Registered> update(RegisteredUnit unit, PartyId party, UnitRegistration registration) {
        if (!unit.partyId.equals(party.value())) {
            return Uni.createFrom().failure(new ConflictException("UNIT_OF_ANOTHER_ENTITY", "generating unit "
                    + unit.unitId + " is registered for another covered entity"));
        }
        if (!unit.sameAs(registration)) {
            unit.take(registration);
            unit.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        }
        return Uni.createFrom().item(new Registered(unit, false));
    }
}
