package cn.carbonmarket.registry.selllimit;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.rules.RegistryRulePack;
import cn.carbonmarket.registry.rules.SellLimit;
import cn.carbonmarket.registry.transaction.Booking;
import cn.carbonmarket.registry.transaction.Initiator;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.PlannedBooking;
import cn.carbonmarket.registry.transaction.TransactionType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A party's moves of its own units into trading, under the sell limit of the instrument's jurisdiction where its rule
 * pack has one (Chongqing: an entity keeps half of its free allocation): a move that would leave the party's
 * available units plus those it surrendered below the retained share of its free allocation of the instrument is
 * refused (422 SELL_LIMIT, naming the most it may move now). The figures are read with the party's holdings locked
 * as the booking locks them, so a concurrent move or surrender is judged after this one. Instruments without a limit
 * go through the group commit as any booking.
 */
@ApplicationScoped
public class SellLimits {

    private final RegistryRulePack rulePack;
    private final Booking booking;
    private final PlannedBooking planned;
    private final AllocationRecord allocations;

    SellLimits(RegistryRulePack rulePack, Booking booking, PlannedBooking planned, AllocationRecord allocations) {
        this.rulePack = rulePack;
        this.booking = booking;
        this.planned = planned;
        this.allocations = allocations;
    }

    /** TO_TRADING of {@code quantity} of the party's AVAILABLE units in {@code account}, under the sell limit. */
    public Uni<Booking.Outcome> intoTrading(PartyId party, String account, InstrumentCode instrument, long quantity,
                                           Initiator initiator, String idempotencyKey) {
        Movement movement = Movement.between(TransactionType.TO_TRADING, instrument, quantity, account,
                HoldingStatus.AVAILABLE, account, HoldingStatus.IN_TRADING);
        Optional<SellLimit> limit = rulePack.of(instrument).sellLimit();
        if (limit.isEmpty()) {
            return booking.book(movement, initiator, idempotencyKey);
        }
        return booking.bookJudged(movement, initiator, idempotencyKey,
                conn -> judge(conn, limit.get(), movement, initiator, party, instrument, quantity));
    }

    private Uni<Void> judge(SqlConnection conn, SellLimit limit, Movement movement, Initiator initiator,
                            PartyId party, InstrumentCode instrument, long quantity) {
        HoldingKey available = movement.lines().get(0).holding();
        return planned.lock(conn, movement, initiator)
                .flatMap(locks -> allocations.of(conn, available.account(), instrument).map(figures -> {
                    long held = locks.quantity(available);
                    long most = limit.mostMovable(figures.freeAllocation(), held, figures.surrendered());
                    // Beyond what is available the booking refuses anyway, with INSUFFICIENT_UNITS.
                    if (quantity <= held && quantity > most) {
                        throw new RuleViolationException("SELL_LIMIT", "the " + instrument.product().jurisdiction()
                                .displayName() + " keeps " + limit.share() + " of a free"
                                + " allocation off the market: party " + party + " received " + figures.freeAllocation()
                                + " t of " + instrument + " free and must keep " + limit.retained(figures.freeAllocation())
                                + " t available or surrendered (" + held + " t available, " + figures.surrendered()
                                + " t surrendered); it may move at most " + most + " t into trading now");
                    }
                    return null;
                }));
    }
}
