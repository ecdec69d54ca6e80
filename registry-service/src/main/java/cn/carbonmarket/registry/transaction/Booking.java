package cn.carbonmarket.registry.transaction;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Books movements: checks them against the rules with the touched accounts shared-locked and holdings locked in
 * a fixed order, then writes the transactions, their lines, the holdings and the TransactionBooked events in one
 * database transaction. Idempotent per (initiator, key): the same key and movement return the first booking; the
 * same key with another movement is a conflict. Many movements at once in the caller's transaction are
 * {@link BulkBooking}'s.
 */
@ApplicationScoped
public class Booking {

    private final BookingBatches batches;
    private final SingleBooking single;

    Booking(BookingBatches batches, SingleBooking single) {
        this.batches = batches;
        this.single = single;
    }

    public record Outcome(BookedTransaction transaction, boolean replayed) {
    }

    /**
     * Books one movement, together with whatever other movements are waiting (group commit): each is checked on its
     * own, so a refusal refuses only its own request.
     */
    public Uni<Outcome> book(Movement movement, Initiator initiator, String idempotencyKey) {
        return batches.submit(new BookingRequest(movement, initiator, idempotencyKey));
    }

    /**
     * The same, with {@code alongside} writing what belongs to the booking (a pledge, a run's record) in its
     * database transaction: both commit or neither. It runs only for a new booking, not for a replay.
     */
    public Uni<Outcome> book(Movement movement, Initiator initiator, String idempotencyKey,
                             BiFunction<SqlConnection, BookedTransaction, Uni<Void>> alongside) {
        return single.book(new BookingRequest(movement, initiator, idempotencyKey), SingleBooking.NO_GUARD,
                alongside);
    }

    /**
     * The same, with {@code guard} run first in the booking's database transaction, before its key is looked up: it
     * takes the locks that put related bookings in turn (a surrender locks its obligation) and refuses what the rules
     * here do not know about. Having waited for a booking of the same key, it sees that booking committed, and lets
     * it be replayed instead of judging it again.
     */
    public Uni<Outcome> book(Movement movement, Initiator initiator, String idempotencyKey,
                             Function<SqlConnection, Uni<Void>> guard,
                             BiFunction<SqlConnection, BookedTransaction, Uni<Void>> alongside) {
        return single.book(new BookingRequest(movement, initiator, idempotencyKey), guard, alongside);
    }

    /**
     * One movement that a rule beyond {@link TransactionRules} judges from what the database records (a sell limit
     * from the free allocation received): {@code judge} runs in the booking's database transaction only when the key
     * is new, before the movement is checked and written, and refuses by failing. It should lock what it reads
     * ({@link PlannedBooking#lock} takes the locks the booking takes), so that nothing changes it before the commit.
     * A repeated key is replayed without judging it again.
     */
    public Uni<Outcome> bookJudged(Movement movement, Initiator initiator, String idempotencyKey,
                                   Function<SqlConnection, Uni<Void>> judge) {
        return single.book(new BookingRequest(movement, initiator, idempotencyKey), SingleBooking.NO_GUARD, judge,
                SingleBooking.NOTHING_ALONGSIDE);
    }

    /**
     * Movements that belong together (an auction's supply), booked in list order in one database transaction, each
     * seeing the holdings the ones before it leave, with {@code guard} and {@code alongside} as above: all of them,
     * or none when one is refused. Each under its own key; asked again, they are replayed together.
     */
    public Uni<List<Outcome>> bookTogether(List<KeyedMovement> movements, Initiator initiator,
                                           Function<SqlConnection, Uni<Void>> guard,
                                           BiFunction<SqlConnection, List<BookedTransaction>, Uni<Void>> alongside) {
        return single.bookTogether(movements.stream().map(m -> new BookingRequest(m, initiator)).toList(), guard,
                alongside);
    }
}
