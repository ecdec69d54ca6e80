package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.registry.holding.HoldingKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A movement worked out from the holdings it moves, in the caller's database transaction: {@link #lock} takes the
 * locks a booking of the movement first proposed takes (its accounts shared, its holdings in the fixed order) and
 * checks those accounts; the caller decides from the locked quantities what to move, and {@link #book} checks that
 * movement against the rules and writes it, nothing else able to move those holdings in between. A claw-back takes
 * what a holder has, up to what was asked. Nothing is replayed: the caller books a key once.
 */
@ApplicationScoped
public class PlannedBooking {

    private final TransactionStore store;
    private final NewBookings bookings;
    private final TransactionRules rules;

    PlannedBooking(TransactionStore store, NewBookings bookings, TransactionRules rules) {
        this.store = store;
        this.bookings = bookings;
        this.rules = rules;
    }

    /** The holdings a proposed movement touches, locked until the caller's transaction ends. */
    public static final class Locks {

        private final Touched touched;
        private final TransactionStore.Locked locked;

        private Locks(Touched touched, TransactionStore.Locked locked) {
            this.touched = touched;
            this.locked = locked;
        }

        /** The quantity of a locked holding (0 when it has no row yet). */
        public long quantity(HoldingKey holding) {
            requireLocked(holding);
            return locked.holdings().getOrDefault(holding, 0L);
        }

        private void requireLocked(HoldingKey holding) {
            if (!touched.holdings().contains(holding)) {
                throw new IllegalArgumentException(holding + " is not among the locked holdings");
            }
        }
    }

    /** Locks what {@code proposed} touches and refuses it if one of its accounts refuses (missing, closed, ...). */
    public Uni<Locks> lock(SqlConnection conn, Movement proposed, Initiator initiator) {
        Touched touched = Touched.of(List.of(proposed));
        return store.lock(conn, touched).map(locked -> {
            rules.checkAccounts(proposed, initiator, locked.accounts());
            return new Locks(touched, locked);
        });
    }

    /** Checks and writes {@code movement}, which moves only holdings {@code locks} holds, under a key not booked before. */
    public Uni<BookedTransaction> book(SqlConnection conn, Locks locks, Movement movement, Initiator initiator,
                                       String idempotencyKey) {
        movement.lines().forEach(line -> locks.requireLocked(line.holding()));
        return bookings.bookLocked(conn, locks.locked, List.of(new BookingRequest(movement, initiator, idempotencyKey)))
                .map(records -> records.get(0).booked());
    }
}
