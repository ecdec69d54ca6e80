package cn.carbonmarket.registry.transaction;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiFunction;

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
        return single.book(new BookingRequest(movement, initiator, idempotencyKey), alongside);
    }
}
