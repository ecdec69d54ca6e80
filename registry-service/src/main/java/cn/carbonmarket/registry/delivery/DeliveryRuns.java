package cn.carbonmarket.registry.delivery;

import cn.carbonmarket.contracts.event.DeliveryInstructions;
import cn.carbonmarket.contracts.event.DeliveryRunRejected;
import cn.carbonmarket.contracts.event.UnitsReleased;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.platform.outbox.EventCodec;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.transaction.Booking;
import cn.carbonmarket.registry.transaction.Initiator;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.TransactionType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies settlement's end-of-day delivery instructions: one SETTLEMENT_DELIVERY transaction moves every party's
 * net delivery among IN_TRADING holdings atomically. A run whose lines do not balance per instrument, or that
 * would take a party's units in trading below zero, is rejected whole and the rejection is published.
 */
@ApplicationScoped
public class DeliveryRuns {

    private static final Logger LOG = Logger.getLogger(DeliveryRuns.class);
    static final Initiator SETTLEMENT = Initiator.system("settlement-service");

    private final EventCodec codec;
    private final Booking booking;
    private final Pool pool;
    private final DeliveryRunStore runs;
    private final Outbox outbox;
    private final UnitReleases releases;

    DeliveryRuns(EventCodec codec, Booking booking, Pool pool, DeliveryRunStore runs, Outbox outbox,
                 UnitReleases releases) {
        this.codec = codec;
        this.booking = booking;
        this.pool = pool;
        this.runs = runs;
        this.outbox = outbox;
        this.releases = releases;
    }

    /** Settlement's stream for the registry carries clearing runs and releases of units out of trading. */
    @Incoming("delivery-instructions")
    public Uni<Void> onInstructions(String json) {
        return codec.decodeIf(json, DeliveryInstructions.TYPE)
                .map(event -> apply(event.payload()))
                .or(() -> codec.decodeIf(json, UnitsReleased.TYPE).map(event -> releases.apply(event.payload())))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    Uni<Void> apply(DeliveryInstructions run) {
        return booking.book(movementOf(run), SETTLEMENT, run.runId(),
                        (conn, booked) -> runs.record(conn, run, "BOOKED", booked.id(), null, null).replaceWithVoid())
                .replaceWithVoid()
                .onFailure(RuleViolationException.class).recoverWithUni(failure -> reject(run,
                        (RuleViolationException) failure));
    }

    /**
     * Records the rejection and publishes it in the same transaction; nothing of the run is booked. Every refusal of
     * a run not booked is published, also of a run resent after an earlier refusal, so that settlement hears each. A
     * run refused, then resent once its units arrived, is booked then; a booked run's record never changes.
     */
    private Uni<Void> reject(DeliveryInstructions run, RuleViolationException refusal) {
        LOG.warnf("delivery run %s rejected: %s", run.runId(), refusal.getMessage());
        return pool.withTransaction(conn -> runs.record(conn, run, "REJECTED", null, refusal.code(),
                        refusal.getMessage())
                .flatMap(recorded -> !recorded ? Uni.createFrom().voidItem()
                        : outbox.publish(conn, DeliveryRunRejected.TYPE, run.runId(),
                                new DeliveryRunRejected(run.runId(), refusal.code(), refusal.getMessage()))
                                .replaceWithVoid()));
    }

    static Movement movementOf(DeliveryInstructions run) {
        return new Movement(TransactionType.SETTLEMENT_DELIVERY, run.deliveries().stream()
                .filter(d -> d.netUnits() != 0)
                .map(d -> new Movement.Line(new HoldingKey(AccountId.holdingOf(d.partyId()).value(), d.instrument(),
                        HoldingStatus.IN_TRADING), d.netUnits()))
                .toList());
    }
}
