package cn.carbonmarket.registry.pledge;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.transaction.Booking;
import cn.carbonmarket.registry.transaction.Initiator;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.TransactionType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Pledges: units move AVAILABLE to PLEDGED in a PLEDGE transaction and stay there (nothing moves PLEDGED units)
 * until the pledgee releases them, or the pledge's term ends, in a PLEDGE_RELEASE transaction. The pledge record is
 * written in the same database transaction as its movement.
 */
@ApplicationScoped
public class Pledges {

    private static final Logger LOG = Logger.getLogger(Pledges.class);
    private static final Initiator EXPIRY = Initiator.system("registry-pledge-expiry");

    private final Booking booking;
    private final Pool pool;
    private final PledgeStore pledges;
    private final Clock clock;

    Pledges(Booking booking, Pool pool, PledgeStore pledges, Clock clock) {
        this.booking = booking;
        this.pool = pool;
        this.pledges = pledges;
        this.clock = clock;
    }

    public record PledgeView(UUID id, String account, String instrument, long quantity, String pledgee,
                             LocalDate expiresOn, String status, UUID pledgeTransaction, UUID releaseTransaction) {
    }

    public record Registered(PledgeView pledge, boolean replayed) {
    }

    public Uni<Registered> register(AccountId account, InstrumentCode instrument, long quantity, String pledgee,
                                    LocalDate expiresOn, Initiator initiator, String idempotencyKey) {
        // Derived from the request's key, so that a replay finds the pledge the first request created.
        UUID id = UUID.nameUUIDFromBytes((initiator + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        Movement movement = Movement.between(TransactionType.PLEDGE, instrument, quantity, account.value(),
                HoldingStatus.AVAILABLE, account.value(), HoldingStatus.PLEDGED);
        return booking.book(movement, initiator, idempotencyKey, (conn, booked) -> pledges.insert(conn,
                        new PledgeView(id, account.value(), instrument.toString(), quantity, pledgee, expiresOn,
                                "ACTIVE", booked.id(), null), clock.instant().atOffset(ZoneOffset.UTC)))
                .flatMap(outcome -> find(id).map(p -> new Registered(p, outcome.replayed())));
    }

    /** Releases a pledge; only its pledgee (or the regulator) may. Releasing twice returns the first release. */
    public Uni<PledgeView> release(UUID id, Initiator initiator) {
        return end(id, initiator, "RELEASED");
    }

    /**
     * Releases, as EXPIRED, every active pledge whose term ended before {@code today}: a lapsed pledge no longer
     * binds the units, and the pledgee may not be there to release it. One booking per pledge, so that one refusal
     * does not hold back the others.
     *
     * @return how many pledges expired
     */
    public Uni<Integer> expireBefore(LocalDate today) {
        return pool.withConnection(conn -> pledges.activeExpiringBefore(conn, today))
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(id -> end(id, EXPIRY, "EXPIRED")
                                .onFailure().invoke(f -> LOG.errorf(f, "pledge %s could not expire", id))
                                .onFailure().recoverWithNull())
                        .filter(pledge -> pledge != null && "EXPIRED".equals(pledge.status()))
                        .collect().asList().map(List::size));
    }

    private Uni<PledgeView> end(UUID id, Initiator initiator, String endStatus) {
        return find(id).flatMap(pledge -> {
            if (initiator.kind() == Initiator.Kind.PLEDGEE && !pledge.pledgee().equals(initiator.name())) {
                return Uni.createFrom().failure(new ForbiddenException("NOT_YOUR_PLEDGE",
                        "only the pledgee " + pledge.pledgee() + " may release this pledge"));
            }
            if (pledge.releaseTransaction() != null) {
                return Uni.createFrom().item(pledge);
            }
            Movement movement = Movement.between(TransactionType.PLEDGE_RELEASE,
                    InstrumentCode.parse(pledge.instrument()), pledge.quantity(), pledge.account(),
                    HoldingStatus.PLEDGED, pledge.account(), HoldingStatus.AVAILABLE);
            return booking.book(movement, initiator, "release-" + id, (conn, booked) -> pledges.end(conn, id,
                                    endStatus, booked.id(), clock.instant().atOffset(ZoneOffset.UTC))
                            .flatMap(ended -> ended ? Uni.createFrom().voidItem()
                                    : Uni.createFrom().failure(new ConflictException("PLEDGE_RELEASED",
                                            "the pledge was released concurrently"))))
                    .flatMap(outcome -> find(id));
        });
    }

    public Uni<PledgeView> find(UUID id) {
        return pool.withConnection(conn -> pledges.find(conn, id))
                .onItem().ifNull().failWith(() -> new NotFoundException("PLEDGE_NOT_FOUND", "no pledge " + id));
    }
}
