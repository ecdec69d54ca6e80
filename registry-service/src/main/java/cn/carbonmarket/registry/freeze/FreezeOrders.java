package cn.carbonmarket.registry.freeze;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.transaction.Booking;
import cn.carbonmarket.registry.transaction.Initiator;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.TransactionType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Freeze orders on units: a FREEZE transaction moves the ordered quantity AVAILABLE to FROZEN, where nothing moves
 * it, until the regulator lifts the order with an UNFREEZE transaction. The order is written in the same database
 * transaction as its movement, so an order and its frozen units never disagree.
 */
@ApplicationScoped
public class FreezeOrders {

    private final Booking booking;
    private final Pool pool;
    private final FreezeOrderStore orders;
    private final Clock clock;

    FreezeOrders(Booking booking, Pool pool, FreezeOrderStore orders, Clock clock) {
        this.booking = booking;
        this.pool = pool;
        this.orders = orders;
        this.clock = clock;
    }

    public record FreezeOrderView(UUID id, String account, String instrument, long quantity, String reason,
                                  String authority, String status, UUID freezeTransaction, UUID liftTransaction,
                                  String orderedBy, Instant orderedAt, String liftedBy, Instant liftedAt) {
    }

    public record Ordered(FreezeOrderView order, boolean replayed) {
    }

    public Uni<Ordered> order(AccountId account, InstrumentCode instrument, long quantity, String reason,
                              String authority, Initiator initiator, String idempotencyKey) {
        // Derived from the request's key, so that a replay finds the order the first request created.
        UUID id = UUID.nameUUIDFromBytes(("freeze|" + initiator + "|" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8));
        Movement movement = Movement.between(TransactionType.FREEZE, instrument, quantity, account.value(),
                HoldingStatus.AVAILABLE, account.value(), HoldingStatus.FROZEN);
        return booking.book(movement, initiator, idempotencyKey, (conn, booked) -> orders.insert(conn,
                        new FreezeOrderView(id, account.value(), instrument.toString(), quantity, reason, authority,
                                "ACTIVE", booked.id(), null, initiator.name(), clock.instant(), null, null)))
                .flatMap(outcome -> find(id).map(order -> new Ordered(order, outcome.replayed())));
    }

    /** Lifts an order: its units go back to AVAILABLE. Lifting twice returns the first lift. */
    public Uni<FreezeOrderView> lift(UUID id, Initiator initiator) {
        return find(id).flatMap(order -> {
            if (order.liftTransaction() != null) {
                return Uni.createFrom().item(order);
            }
            Movement movement = Movement.between(TransactionType.UNFREEZE, InstrumentCode.parse(order.instrument()),
                    order.quantity(), order.account(), HoldingStatus.FROZEN, order.account(), HoldingStatus.AVAILABLE);
            return booking.book(movement, initiator, "lift-" + id, (conn, booked) -> orders.lift(conn, id,
                                    booked.id(), initiator.name(), now())
                            .flatMap(lifted -> lifted ? Uni.createFrom().voidItem()
                                    : Uni.createFrom().failure(new ConflictException("FREEZE_ORDER_LIFTED",
                                            "the order was lifted concurrently"))))
                    .flatMap(outcome -> find(id));
        });
    }

    public Uni<FreezeOrderView> find(UUID id) {
        return pool.withConnection(conn -> orders.find(conn, id))
                .onItem().ifNull().failWith(() -> new NotFoundException("FREEZE_ORDER_NOT_FOUND",
                        "no freeze order " + id));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
