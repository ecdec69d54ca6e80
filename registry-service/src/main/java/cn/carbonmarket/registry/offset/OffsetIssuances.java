package cn.carbonmarket.registry.offset;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.OffsetOrigin;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.registry.account.SystemAccounts;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.party.Party;
import cn.carbonmarket.registry.rules.JurisdictionRules;
import cn.carbonmarket.registry.rules.RegistryRulePack;
import cn.carbonmarket.registry.transaction.Booking;
import cn.carbonmarket.registry.transaction.Initiator;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.TransactionType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Issues offset credits that name their origin: CCER by the regulator, a pilot's own credits (BCER, PHCER) by the
 * authority that runs the pilot or the regulator. One OFFSET_ISSUANCE transaction from the jurisdiction's issuance
 * account to the party's holding account (the product must be one the jurisdiction issues, as for any issue), with
 * its record in the same database transaction, and TransactionBooked through the outbox as every booking. Once per
 * issuance id, whoever asks again: the same issuance is answered with the first, another one under the id is a
 * conflict.
 */
@ApplicationScoped
public class OffsetIssuances {

    private final Booking booking;
    private final OffsetIssuanceStore store;
    private final RegistryRulePack rulePack;
    private final Pool pool;
    private final Clock clock;

    OffsetIssuances(Booking booking, OffsetIssuanceStore store, RegistryRulePack rulePack, Pool pool, Clock clock) {
        this.booking = booking;
        this.store = store;
        this.rulePack = rulePack;
        this.pool = pool;
        this.clock = clock;
    }

    /** An issuance, and whether it was recorded before. */
    public record Outcome(OffsetIssuance issuance, boolean replayed) {
    }

    /** The issuance recorded under the id before, found while the booking judged the request. */
    private static final class IssuedBefore extends RuntimeException {

        private final transient OffsetIssuance issuance;

        IssuedBefore(OffsetIssuance issuance) {
            super(null, null, false, false);
            this.issuance = issuance;
        }
    }

    /** 403 for a caller that does not run the product's jurisdiction, 422 for an offset without origin. */
    Uni<Outcome> issue(OffsetIssuance.Asked asked, Caller caller) {
        caller.requireRuns(asked.instrument().product().jurisdiction());
        OffsetOrigin origin = asked.instrument().originIfRecorded().orElseThrow(() -> new RuleViolationException(
                "ORIGIN_REQUIRED", asked.instrument() + (asked.instrument().product().isOffset()
                        ? " names no origin: an offset is issued with its project's province and type, e.g. "
                        + asked.instrument() + "-HB-WIND"
                        : " is an allowance: allowances are issued by allocation, only offsets with their origin here")));
        Initiator initiator = caller.hasRole(Roles.REGULATOR) ? Initiator.regulator(caller.name())
                : Initiator.authority(caller.name());
        Movement movement = Movement.between(TransactionType.OFFSET_ISSUANCE, asked.instrument(), asked.quantity(),
                SystemAccounts.nationalIssuance(asked.instrument().product().jurisdiction()), HoldingStatus.AVAILABLE,
                AccountId.holdingOf(asked.party()).value(), HoldingStatus.AVAILABLE);
        return booking.book(movement, initiator, asked.issuanceId(),
                        conn -> judge(conn, asked, origin),
                        (conn, booked) -> store.insert(conn, new OffsetIssuance(asked.issuanceId(), booked.id(),
                                asked.party().value(), asked.instrument().toString(), asked.quantity(),
                                asked.projectId(), asked.projectName(), caller.name(), clock.instant())))
                .flatMap(booked -> pool.withConnection(conn -> store.find(conn, asked.issuanceId())))
                .map(issued -> new Outcome(issued, false))
                .onFailure(IssuedBefore.class).recoverWithUni(failure -> Uni.createFrom()
                        .item(() -> replay(((IssuedBefore) failure).issuance, asked)));
    }

    public Uni<OffsetIssuance> find(String issuanceId, Caller caller) {
        return pool.withConnection(conn -> store.find(conn, issuanceId))
                .onItem().ifNull().failWith(() -> notFound(issuanceId))
                .invoke(issuance -> {
                    if (!caller.runs(InstrumentCode.parse(issuance.instrument())
                            .product().jurisdiction())) {
                        throw notFound(issuanceId);
                    }
                });
    }

    /**
     * In the booking's transaction, before its key is looked up: an issuance recorded under the id ends the booking
     * (it is answered instead); otherwise the recipient must be registered and of a type the jurisdiction issues the
     * project type to.
     */
    private Uni<Void> judge(SqlConnection conn, OffsetIssuance.Asked asked, OffsetOrigin origin) {
        return store.lock(conn, asked.issuanceId()).flatMap(before -> {
            if (before != null) {
                throw new IssuedBefore(before);
            }
            return Party.typeOf(conn, asked.party());
        }).map(type -> {
            if (type == null) {
                throw new NotFoundException("PARTY_NOT_FOUND", "no party " + asked.party() + " is registered");
            }
            JurisdictionRules rules = rulePack.of(asked.instrument());
            if (!rules.mayReceiveOffset(origin.type(), type)) {
                throw new RuleViolationException("RECIPIENT_NOT_ELIGIBLE", origin.type() + " credits of the "
                        + asked.instrument().product().jurisdiction().displayName() + " go only to "
                        + rules.offsetRecipients().get(origin.type()) + " parties; party " + asked.party() + " is "
                        + type);
            }
            return null;
        });
    }

    private static Outcome replay(OffsetIssuance before, OffsetIssuance.Asked asked) {
        if (!before.issues(asked)) {
            throw new ConflictException("IDEMPOTENCY_KEY_REUSED", "issuance " + asked.issuanceId()
                    + " was recorded for another issuance (" + before.quantity() + " t of " + before.instrument()
                    + " to party " + before.partyId() + " from project " + before.projectId() + ")");
        }
        return new Outcome(before, true);
    }

    private static NotFoundException notFound(String issuanceId) {
        return new NotFoundException("OFFSET_ISSUANCE_NOT_FOUND", "no offset issuance " + issuanceId);
    }
}
