package cn.carbonmarket.registry.delivery;

import cn.carbonmarket.contracts.event.UnitsReleased;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.SystemParties;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.account.SystemAccounts;
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
 * back to AVAILABLE, once per withdrawal id (the booking's idempotency key). An auctioneer's units an auction did not
 * sell go to the national account the release names instead ({@link #returnOf}). Settlement has already taken them
 * off the party's position, so a refusal here is a break between the two books: it is logged, counted and the event
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
        return Uni.createFrom().deferred(() -> release.destination() == null
                        ? booking.book(movementOf(release), DeliveryRuns.SETTLEMENT,
                                "units-released/" + release.withdrawalId())
                        : booking.book(returnOf(release), DeliveryRuns.SETTLEMENT, release.withdrawalId()))
                .replaceWithVoid()
                .onFailure().invoke(failure -> {
                    LOG.errorf("release %s of %d t %s for party %s to %s refused: %s", release.withdrawalId(),
                            release.quantity(), release.instrument(), release.partyId(),
                            release.destination() == null ? "its own holding" : release.destination(),
                            failure.getMessage());
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

    /**
     * An auctioneer's unsold units of its own jurisdiction's instrument, from its units in trading (the auction
     * delivery account) to the instrument's issuance account (AUCTION_RETURN) or stability reserve (RESERVE_INTAKE),
     * booked under the withdrawal id so that the TransactionBooked names it as reference. Nothing else is released to
     * a national account: a participant's units go back to its own holding only.
     */
    static Movement returnOf(UnitsReleased release) {
        Jurisdiction jurisdiction = release.instrument().product().jurisdiction();
        if (SystemParties.auctioneerOf(release.partyId()).filter(jurisdiction::equals).isEmpty()) {
            throw new RuleViolationException("NOT_PERMITTED", "only units of " + jurisdiction + "'s auctioneer go"
                    + " from trading to a national account; party " + release.partyId() + "'s go back to its own"
                    + " holding (no destination)");
        }
        String destination = release.destination().value();
        TransactionType type;
        if (destination.equals(SystemAccounts.nationalIssuance(jurisdiction))) {
            type = TransactionType.AUCTION_RETURN;
        } else if (destination.equals(SystemAccounts.stabilityReserve(jurisdiction))) {
            type = TransactionType.RESERVE_INTAKE;
        } else {
            throw new RuleViolationException("NOT_PERMITTED", "an auctioneer's units of " + release.instrument()
                    + " go back to " + SystemAccounts.nationalIssuance(jurisdiction) + " or "
                    + SystemAccounts.stabilityReserve(jurisdiction) + ", not " + destination);
        }
        if (release.quantity() <= 0) {
            throw new RuleViolationException("INVALID_QUANTITY", "a release moves at least one tonne, not "
                    + release.quantity() + " t");
        }
        return Movement.between(type, release.instrument(), release.quantity(),
                AccountId.holdingOf(release.partyId()).value(), HoldingStatus.IN_TRADING, destination,
                HoldingStatus.AVAILABLE);
    }
}
