package cn.carbonmarket.registry.surrender;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.account.SystemAccounts;
import cn.carbonmarket.registry.onemarket.OneMarketRule;
import cn.carbonmarket.registry.transaction.BookedTransaction;
import cn.carbonmarket.registry.transaction.Booking;
import cn.carbonmarket.registry.transaction.Initiator;
import cn.carbonmarket.registry.transaction.TransactionStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Books surrenders against allocation's obligations. A surrender is one SURRENDER transaction through the booking
 * path (the entity's key scope, its usual checks and TransactionBooked); in its database transaction the obligation
 * is locked first, so that surrenders of one entity for a period are judged one after the other, each against what
 * the ones before it surrendered. A surrender into a pilot period by an entity the national market covers for the
 * period's sector is refused first (Order No. 775's one-market rule).
 */
@ApplicationScoped
public class Surrenders {

    private final Pool pool;
    private final Booking booking;
    private final SurrenderStore store;
    private final TransactionStore transactions;
    private final OneMarketRule oneMarket;
    private final Clock clock;

    Surrenders(Pool pool, Booking booking, SurrenderStore store, TransactionStore transactions,
               OneMarketRule oneMarket, Clock clock) {
        this.pool = pool;
        this.booking = booking;
        this.store = store;
        this.transactions = transactions;
        this.oneMarket = oneMarket;
        this.clock = clock;
    }

    /** The booking, or the first one when the entity's surrender id was booked before with the same lines. */
    public Uni<Booking.Outcome> surrender(Surrender surrender, Initiator initiator) {
        AtomicReference<ByKind> admitted = new AtomicReference<>();
        return booking.book(surrender.movement(), initiator, surrender.surrenderId(), admit(surrender, admitted),
                (conn, booked) -> store.record(conn, surrender.partyId(), surrender.periodId(),
                        new SurrenderStore.Recorded(surrender.surrenderId(), booked.id(), admitted.get(),
                                clock.instant())));
    }

    /**
     * Locks the obligation and judges the surrender against it, unless the entity's surrender id is recorded
     * already: the booking then replays it, or refuses the id reused for other lines.
     */
    private Function<SqlConnection, Uni<Void>> admit(Surrender surrender, AtomicReference<ByKind> admitted) {
        return conn -> store.lock(conn, surrender.periodId(), surrender.partyId())
                .flatMap(obligation -> store.recorded(conn, surrender.partyId(), surrender.surrenderId())
                        .flatMap(repeated -> {
                            if (repeated) {
                                return Uni.createFrom().voidItem();
                            }
                            if (obligation == null) {
                                return Uni.createFrom().failure(new RuleViolationException("NO_OBLIGATION",
                                        "no obligation of party " + surrender.partyId() + " for period "
                                                + surrender.periodId() + " is known; nothing may be surrendered"));
                            }
                            return oneMarket.checkSurrender(conn, surrender.partyId(), surrender.periodId(),
                                            obligation.jurisdiction(), obligation.sector())
                                    .chain(() -> store.surrendered(conn, surrender.periodId(), surrender.partyId()))
                                    .invoke(before -> admitted.set(obligation.admit(before, surrender.lines())))
                                    .replaceWithVoid();
                        }));
    }

    /** The obligation with what was surrendered against it; 404 when none is known. */
    public Uni<SurrenderView> of(PartyId party, String periodId) {
        return pool.withConnection(conn -> store.find(conn, periodId, party)
                .onItem().ifNull().failWith(() -> new NotFoundException("NO_OBLIGATION",
                        "no obligation of party " + party + " for period " + periodId + " is known"))
                .flatMap(obligation -> store.of(conn, periodId, party).flatMap(surrenders -> transactions
                        .withIds(conn, surrenders.stream().map(SurrenderStore.Recorded::transactionId)
                                .toArray(UUID[]::new))
                        .map(booked -> view(obligation, surrenders, booked)))));
    }

    private static SurrenderView view(SurrenderObligation obligation, List<SurrenderStore.Recorded> surrenders,
                                      List<BookedTransaction> booked) {
        Map<UUID, BookedTransaction> byId = booked.stream()
                .collect(Collectors.toMap(BookedTransaction::id, Function.identity()));
        ByKind surrendered = SurrenderStore.total(surrenders);
        ByKind remaining = obligation.remaining(surrendered);
        return new SurrenderView(obligation.periodId(), obligation.partyId().value(),
                obligation.instrument().toString(), obligation.jurisdiction(), obligation.sector(),
                obligation.version(), obligation.verifiedEmissionsTonnes(), obligation.obligationTonnes(),
                obligation.offsetLimitTonnes(), obligation.nonLocalOffsetLimitTonnes(),
                obligation.borrowingLimitTonnes(), obligation.offsets(), obligation.setAt(),
                SystemAccounts.surrender(obligation.periodId()), surrendered.total(),
                remaining.allowances(), surrendered, remaining, surrenders.stream()
                        .map(s -> new SurrenderView.Entry(s.surrenderId(), s.tonnes(), s.surrenderedAt(),
                                byId.get(s.transactionId()))).toList());
    }
}
