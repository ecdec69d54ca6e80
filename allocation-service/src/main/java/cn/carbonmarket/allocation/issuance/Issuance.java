package cn.carbonmarket.allocation.issuance;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The issuance instructions as callers may see them (the regulator all, a provincial authority its region's, an
 * entity its own), the resend of a refused one, and a period's reconciliation.
 */
@ApplicationScoped
public class Issuance {

    private final Pool pool;
    private final IssuanceInstructionStore store;
    private final InstructionPublisher publisher;
    private final Clock clock;

    Issuance(Pool pool, IssuanceInstructionStore store, InstructionPublisher publisher, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Uni<List<InstructionView>> instructions(String periodId, PartyId party, UUID runId, Caller caller) {
        if (caller.hasRole(Roles.REGULATOR)) {
            return store.list(pool, periodId, party == null ? null : party.value(), null, runId);
        }
        if (caller.hasRole(Roles.PROVINCIAL_AUTHORITY)) {
            Region region = caller.region().orElseThrow(() -> new ForbiddenException("NOT_YOUR_REGION",
                    "the provincial authority's token names no region"));
            return store.list(pool, periodId, party == null ? null : party.value(), region, runId);
        }
        PartyId own = caller.partyId().orElseThrow(() -> new ForbiddenException("NOT_YOUR_PARTY",
                "the caller acts for no party"));
        if (party != null) {
            caller.requireSelfOr(party);
        }
        return store.list(pool, periodId, own.value(), null, runId);
    }

    /**
     * Publishes a refused instruction again under its own id, once its cause is fixed (an account opened, say): the
     * registry books an id once, so a resend can never issue twice. It carries its first approval, signed with the
     * current key.
     */
    public Uni<InstructionView> resend(String instructionId) {
        return pool.withTransaction(conn -> store.resend(conn, instructionId, clock.instant())
                .chain(resent -> resent.isPresent()
                        ? publisher.publish(conn, resent.get())
                        : store.find(conn, instructionId).invoke(found -> {
                            throw found.isEmpty()
                                    ? new NotFoundException("INSTRUCTION_NOT_FOUND", "no issuance instruction "
                                            + instructionId)
                                    : new ConflictException("INSTRUCTION_NOT_REFUSED", "issuance instruction "
                                            + instructionId + " is " + found.get().status()
                                            + ": only a refused instruction is sent again");
                        }).replaceWithVoid())
                .chain(() -> store.find(conn, instructionId))
                .map(found -> found.orElseThrow()));
    }

    public Uni<Reconciliation> reconcile(String periodId) {
        return store.periodExists(pool, periodId).chain(found -> {
            if (!found) {
                throw new NotFoundException("PERIOD_NOT_FOUND", "no compliance period " + periodId);
            }
            return store.reconcile(pool, periodId);
        });
    }
}
