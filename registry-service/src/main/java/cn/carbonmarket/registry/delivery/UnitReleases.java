package cn.carbonmarket.registry.delivery;

import cn.carbonmarket.contracts.event.UnitsReleased;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.transaction.Booking;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.TransactionType;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Books settlement's releases of units out of trading: FROM_TRADING moves them from the party's IN_TRADING holding
 * back to AVAILABLE, once per withdrawal id (the booking's idempotency key). Settlement has already taken them off
 * the party's position, so a refusal here is a break between the two books: it is logged, counted and the event
 * goes to the dead-letter topic for an operator, and reconciliation reports the difference.
 */
@ApplicationScoped
class UnitReleases {

    private static final Logger LOG = Logger.getLogger(UnitReleases.class);

    private final Booking booking;
    private final MeterRegistry metrics;

    UnitReleases(Booking booking, MeterRegistry metrics) {
        this.booking = booking;
        this.metrics = metrics;
    }

    Uni<Void> apply(UnitsReleased release) {
        return booking.book(movementOf(release), DeliveryRuns.SETTLEMENT, "units-released/" + release.withdrawalId())
                .replaceWithVoid()
                .onFailure().invoke(failure -> {
                    LOG.errorf("release %s of %d t %s for party %s refused: %s", release.withdrawalId(),
                            release.quantity(), release.instrument(), release.partyId(), failure.getMessage());
                    metrics.counter("market.units.releases.refused").increment();
                });
    }

    static Movement movementOf(UnitsReleased release) {
        String account = AccountId.holdingOf(release.partyId()).value();
        return new Movement(TransactionType.FROM_TRADING, List.of(
                new Movement.Line(new HoldingKey(account, release.instrument(), HoldingStatus.IN_TRADING),
                        -release.quantity()),
                new Movement.Line(new HoldingKey(account, release.instrument(), HoldingStatus.AVAILABLE),
                        release.quantity())));
    }
}
